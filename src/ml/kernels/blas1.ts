/**
 * Level-1 vector loops in the BLAS `(n, x, offset, stride)` style, so one kernel serves a whole
 * vector, one column of a column-major matrix (stride 1) or one of its rows (stride nRows).
 * No allocation and no argument checks: callers own the bounds.
 */

/** Sum of x[i] * y[i] over n elements. */
export function dot(
  n: number,
  x: Float64Array,
  offsetX: number,
  strideX: number,
  y: Float64Array,
  offsetY: number,
  strideY: number,
): number {
  let sum = 0;
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < n; i++) {
    sum += x[ix] * y[iy];
    ix += strideX;
    iy += strideY;
  }
  return sum;
}

/** y += alpha * x. */
export function axpy(
  n: number,
  alpha: number,
  x: Float64Array,
  offsetX: number,
  strideX: number,
  y: Float64Array,
  offsetY: number,
  strideY: number,
): void {
  if (alpha === 0) return;
  if (strideX === 1 && strideY === 1) {
    // Whole columns, the common case: V8 compiles the plain indexed loop to tighter code.
    for (let i = 0; i < n; i++) y[offsetY + i] += alpha * x[offsetX + i];
    return;
  }
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < n; i++) {
    y[iy] += alpha * x[ix];
    ix += strideX;
    iy += strideY;
  }
}

/** x *= alpha. */
export function scal(n: number, alpha: number, x: Float64Array, offsetX: number, strideX: number): void {
  let ix = offsetX;
  for (let i = 0; i < n; i++) {
    x[ix] *= alpha;
    ix += strideX;
  }
}

/** Largest |x[i]| (0 for an empty vector). */
export function maxAbs(n: number, x: Float64Array, offsetX: number, strideX: number): number {
  let max = 0;
  let ix = offsetX;
  for (let i = 0; i < n; i++) {
    const value = Math.abs(x[ix]);
    if (value > max) max = value;
    ix += strideX;
  }
  return max;
}

/** Sum of x[i]. */
export function sum(n: number, x: Float64Array, offsetX: number, strideX: number): number {
  let total = 0;
  let ix = offsetX;
  for (let i = 0; i < n; i++) {
    total += x[ix];
    ix += strideX;
  }
  return total;
}
