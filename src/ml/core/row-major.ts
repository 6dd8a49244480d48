import type { Matrix } from './matrix.js';

/**
 * Rows of a column-major matrix copied one after another (row r at [r * nCols, (r + 1) * nCols)), for
 * loops that visit a whole row at a time (kernels, per-sample gradient steps). `rows` picks and
 * orders the rows to copy; all of them, in order, when null.
 */
export function rowMajorRows(X: Matrix, rows: ArrayLike<number> | null = null): Float64Array {
  const count = rows ? rows.length : X.nRows;
  const p = X.nCols;
  const out = new Float64Array(count * p);
  for (let r = 0; r < count; r++) {
    const source = rows ? rows[r] : r;
    for (let j = 0; j < p; j++) out[r * p + j] = X.data[j * X.nRows + source];
  }
  return out;
}
