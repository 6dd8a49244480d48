/** A parsed data set held column by column: numbers as Float64Array (NaN = missing), categories as strings. */
export type ColumnDtype = 'numeric' | 'categorical';

export interface NumericColumn {
  name: string;
  dtype: 'numeric';
  values: Float64Array;
}

export interface CategoricalColumn {
  name: string;
  dtype: 'categorical';
  /** null = missing */
  values: (string | null)[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  nRows: number;
  columns: Column[];
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

export function isMissing(column: Column, row: number): boolean {
  return column.dtype === 'numeric' ? Number.isNaN(column.values[row]) : column.values[row] === null;
}
