/**
 * Solves L L' t = rhs[offset .. offset + k) in place, given the row-major lower factor L of
 * linalg/cholesky.ts: a forward then a backward substitution, as LAPACK's dpotrs.
 */
export function choleskySolve(factor: Float64Array, k: number, rhs: Float64Array, offset = 0): void {
  for (let i = 0; i < k; i++) {
    let value = rhs[offset + i];
    for (let p = 0; p < i; p++) value -= factor[i * k + p] * rhs[offset + p];
    rhs[offset + i] = value / factor[i * k + i];
  }
  for (let i = k - 1; i >= 0; i--) {
    let value = rhs[offset + i];
    for (let p = i + 1; p < k; p++) value -= factor[p * k + i] * rhs[offset + p];
    rhs[offset + i] = value / factor[i * k + i];
  }
}
