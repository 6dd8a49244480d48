/**
 * Dense Cholesky factorisation and the inverse of its factor, for small symmetric positive
 * definite matrices (covariances: d x d with d the number of features). Matrices are d x d
 * row-major; the symmetric input is read from its lower triangle only.
 */

/** Lower-triangular L with L L^T = A, or null when A is not (numerically) positive definite. */
export function choleskyLower(A: Float64Array, d: number): Float64Array | null {
  const L = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let diagonal = A[j * d + j];
    for (let k = 0; k < j; k++) diagonal -= L[j * d + k] * L[j * d + k];
    if (!(diagonal > 0)) return null;
    const pivot = Math.sqrt(diagonal);
    L[j * d + j] = pivot;
    for (let i = j + 1; i < d; i++) {
      let value = A[i * d + j];
      for (let k = 0; k < j; k++) value -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = value / pivot;
    }
  }
  return L;
}

/** L^{-1} for lower-triangular L, by forward substitution against the identity; also lower triangular. */
export function invertLowerTriangular(L: Float64Array, d: number): Float64Array {
  const inverse = new Float64Array(d * d);
  for (let column = 0; column < d; column++) {
    for (let i = column; i < d; i++) {
      let value = i === column ? 1 : 0;
      for (let k = column; k < i; k++) value -= L[i * d + k] * inverse[k * d + column];
      inverse[i * d + column] = value / L[i * d + i];
    }
  }
  return inverse;
}
