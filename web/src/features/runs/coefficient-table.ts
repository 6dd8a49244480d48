/** The run page's coefficient table: one row per encoded feature, one column per class row of the model. */
export interface CoefficientTable {
  /** Column headings: the class each row of coefficients speaks for. */
  columns: string[];
  rows: Array<{ feature: string; values: number[] }>;
  /** Encoded features in all, of which `rows` shows the strongest. */
  total: number;
}

/**
 * Labels the API's coefficients (encoded feature -> one value per class row) by class, and keeps the
 * `limit` features with the largest coefficient in absolute value. One-hot parts (`island=Biscoe`) are
 * rows of their own: each has its own coefficient.
 */
export function coefficientTable(coefficients: Record<string, number[]>, classes: readonly string[] | undefined, limit: number): CoefficientTable {
  const entries = Object.entries(coefficients);
  const strength = (values: number[]) => Math.max(...values.map(Math.abs));
  // Stable sort: equal strengths keep the model's feature order.
  const rows = entries
    .map(([feature, values]) => ({ feature, values }))
    .sort((a, b) => strength(b.values) - strength(a.values))
    .slice(0, limit);
  return { columns: columnsFor(entries[0]?.[1].length ?? 0, classes), rows, total: entries.length };
}

function columnsFor(rowsPerFeature: number, classes: readonly string[] | undefined): string[] {
  if (classes && rowsPerFeature === classes.length) return [...classes];
  // A binary model keeps one row: its coefficients push towards the second (positive) class, as in scikit-learn.
  if (classes && classes.length === 2 && rowsPerFeature === 1) return [`${classes[1]} (vs ${classes[0]})`];
  if (rowsPerFeature === 1) return ['Coefficient'];
  return Array.from({ length: rowsPerFeature }, (_, i) => `Output ${i + 1}`);
}
