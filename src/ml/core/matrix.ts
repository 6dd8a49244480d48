/**
 * A dense column-major matrix: cell (row, col) lives at data[col * nRows + row].
 * Column-major because every hot loop in the engine walks one feature over many rows.
 */
export interface Matrix {
  readonly data: Float64Array;
  readonly nRows: number;
  readonly nCols: number;
}

/**
 * A matrix over the given data, or over new zeroed storage. New storage is shared memory, so a
 * parallel fit hands the matrix to its worker threads without copying it.
 */
export function createMatrix(nRows: number, nCols: number, data?: Float64Array): Matrix {
  const storage = data ?? new Float64Array(new SharedArrayBuffer(nRows * nCols * Float64Array.BYTES_PER_ELEMENT));
  if (storage.length !== nRows * nCols) {
    throw new RangeError(`matrix data has ${storage.length} cells, expected ${nRows} x ${nCols}`);
  }
  return { data: storage, nRows, nCols };
}

/** Builds a matrix from row arrays; meant for tests and small inputs, never hot paths. */
export function matrixFromRows(rows: ArrayLike<ArrayLike<number>>): Matrix {
  const nRows = rows.length;
  const nCols = nRows === 0 ? 0 : rows[0].length;
  const m = createMatrix(nRows, nCols);
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) m.data[c * nRows + r] = rows[r][c];
  }
  return m;
}

/** A view of one column (no copy). */
export function column(m: Matrix, col: number): Float64Array {
  return m.data.subarray(col * m.nRows, (col + 1) * m.nRows);
}

export function getCell(m: Matrix, row: number, col: number): number {
  return m.data[col * m.nRows + row];
}

/** Copies the given rows, in order, into a new matrix. */
export function takeRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const out = createMatrix(rows.length, m.nCols);
  for (let c = 0; c < m.nCols; c++) {
    const src = c * m.nRows;
    const dst = c * rows.length;
    for (let i = 0; i < rows.length; i++) out.data[dst + i] = m.data[src + rows[i]];
  }
  return out;
}

/** Row r as a fresh array; for tests and per-row debugging, not for hot loops. */
export function rowOf(m: Matrix, row: number): number[] {
  const out = new Array<number>(m.nCols);
  for (let c = 0; c < m.nCols; c++) out[c] = m.data[c * m.nRows + row];
  return out;
}
