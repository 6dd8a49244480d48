/**
 * One raw input column as the preprocessing pipeline takes it. Numbers (booleans as 0/1) and
 * datetimes (epoch milliseconds, UTC) use NaN for missing; categories come dictionary-encoded,
 * code -1 for missing, so the same pipeline reads a stored data set and a request's records.
 */
export type InputColumn = NumericInput | DatetimeInput | CategoricalInput;

export interface NumericInput {
  kind: 'numeric';
  values: Float64Array;
}

export interface DatetimeInput {
  kind: 'datetime';
  values: Float64Array;
}

export interface CategoricalInput {
  kind: 'categorical';
  codes: Int32Array;
  categories: readonly string[];
}

export type InputKind = InputColumn['kind'];

export function inputLength(column: InputColumn): number {
  return column.kind === 'categorical' ? column.codes.length : column.values.length;
}

/** The rows `rows` of a column, in that order. */
export function takeInputRows(column: InputColumn, rows: ArrayLike<number>): InputColumn {
  if (column.kind === 'categorical') {
    return { kind: 'categorical', categories: column.categories, codes: Int32Array.from(rows, (r) => column.codes[r]) };
  }
  return { kind: column.kind, values: Float64Array.from(rows, (r) => column.values[r]) };
}
