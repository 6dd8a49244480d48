/** True when none of the n elements is NaN or infinite. */
export function allFinite(n: number, x: Float64Array, offsetX: number, strideX: number): boolean {
  let ix = offsetX;
  for (let i = 0; i < n; i++) {
    // x - x is 0 for finite values and NaN for NaN and +-Infinity: one subtraction instead of two tests.
    if (x[ix] - x[ix] !== 0) return false;
    ix += strideX;
  }
  return true;
}
