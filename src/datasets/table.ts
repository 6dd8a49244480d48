/**
 * A parsed data set held column by column. Numbers, booleans (0/1) and datetimes (epoch
 * milliseconds, UTC) are Float64Arrays with NaN for missing; categorical and text columns are
 * dictionary-encoded (code -1 = missing), so a million rows of a three-level column cost 4 MB.
 */
export type ColumnDtype = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text';

export interface NumericColumn {
  name: string;
  dtype: 'numeric' | 'boolean' | 'datetime';
  values: Float64Array;
}

export interface CategoricalColumn {
  name: string;
  dtype: 'categorical' | 'text';
  /** Index into `categories`, -1 where missing. */
  codes: Int32Array;
  /** Distinct values in order of first appearance. */
  categories: string[];
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
  return 'codes' in column ? column.codes[row] < 0 : Number.isNaN(column.values[row]);
}

/** A cell as JSON shows it: numbers, booleans, ISO datetimes and strings; null where missing. */
export function cellValue(column: Column, row: number): number | boolean | string | null {
  if (isMissing(column, row)) return null;
  if ('codes' in column) return column.categories[column.codes[row]];
  const value = column.values[row];
  if (column.dtype === 'boolean') return value === 1;
  if (column.dtype === 'datetime') return new Date(value).toISOString();
  return value;
}
