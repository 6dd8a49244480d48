import { createMatrix, type Matrix } from '../core/matrix.js';

/**
 * X over shared memory, so worker threads read it without a copy each: the matrix itself when it
 * already is (the engine allocates matrices that way), otherwise one copy.
 */
export function sharedMatrix(X: Matrix): Matrix {
  if (X.data.buffer instanceof SharedArrayBuffer) return X;
  const data = new Float64Array(new SharedArrayBuffer(X.data.byteLength));
  data.set(X.data);
  return createMatrix(X.nRows, X.nCols, data);
}
