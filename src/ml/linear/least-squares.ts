import { choleskyLower } from '../linalg/cholesky.js';
import { choleskySolve } from './cholesky-solve.js';
import { applyQTranspose, pivotedQr, type PivotedQr } from './householder-qr.js';

export interface LeastSquaresSolution {
  coef: Float64Array;
  /** Numerical rank of A. */
  rank: number;
}

/**
 * The minimum-norm solution of min ||A x - b|| for a column-major m x n A (any shape, any rank), as
 * scipy.linalg.lstsq gives it. Uses a pivoted QR rather than lstsq's SVD: on full-rank problems the
 * two agree to rounding, and a rank-deficient A is handled by solving for the free part of x with
 * the smallest norm. A and b are overwritten.
 */
export function leastSquares(a: Float64Array, m: number, n: number, b: Float64Array): LeastSquaresSolution {
  const qr = pivotedQr(a, m, n);
  applyQTranspose(qr, b);
  const rank = numericalRank(qr);
  const permuted = new Float64Array(n);
  permuted.set(b.subarray(0, rank));
  solveUpperInPlace(qr, rank, permuted, 0);
  if (rank < n) minimiseNorm(qr, rank, permuted);
  const coef = new Float64Array(n);
  for (let j = 0; j < n; j++) coef[qr.pivot[j]] = permuted[j];
  return { coef, rank };
}

/**
 * Diagonal entries of R below max(m, n) * eps * |R[0, 0]| count as zero (numpy's matrix_rank
 * tolerance): pivoting makes |R[k, k]| decrease, and an exactly dependent column leaves rounding
 * noise of about that size, which a bare eps * |R[0, 0]| cut-off would take for signal.
 */
function numericalRank(qr: PivotedQr): number {
  const { factors, m, n } = qr;
  const steps = Math.min(m, n);
  if (steps === 0) return 0;
  const tolerance = Math.max(m, n) * Number.EPSILON * Math.abs(factors[0]);
  let rank = 0;
  while (rank < steps && Math.abs(factors[rank * m + rank]) > tolerance) rank++;
  return rank;
}

/** Solves R11 z = x[offset .. offset + size) in place, R11 the leading size x size block of R. */
function solveUpperInPlace(qr: PivotedQr, size: number, x: Float64Array, offset: number): void {
  const { factors, m } = qr;
  for (let i = size - 1; i >= 0; i--) {
    let value = x[offset + i];
    for (let j = i + 1; j < size; j++) value -= factors[j * m + i] * x[offset + j];
    x[offset + i] = value / factors[i * m + i];
  }
}

/**
 * With R = [R11 R12] of rank r, every x = (y - W t, t) with y = R11^-1 c and W = R11^-1 R12 solves
 * the problem; the smallest ||x|| has (W'W + I) t = W'y. `x` holds y on entry and the minimum-norm
 * solution (in pivoted order) on return.
 */
function minimiseNorm(qr: PivotedQr, rank: number, x: Float64Array): void {
  const { factors, m, n } = qr;
  const free = n - rank;
  // W column by column: column f is R11^-1 times R12's column f.
  const w = new Float64Array(rank * free);
  for (let f = 0; f < free; f++) {
    for (let i = 0; i < rank; i++) w[f * rank + i] = factors[(rank + f) * m + i];
    solveUpperInPlace(qr, rank, w, f * rank);
  }
  const normal = new Float64Array(free * free);
  const rhs = new Float64Array(free);
  for (let f = 0; f < free; f++) {
    for (let g = 0; g <= f; g++) {
      let value = f === g ? 1 : 0;
      for (let i = 0; i < rank; i++) value += w[f * rank + i] * w[g * rank + i];
      normal[f * free + g] = value;
      normal[g * free + f] = value;
    }
    for (let i = 0; i < rank; i++) rhs[f] += w[f * rank + i] * x[i];
  }
  // W'W + I has eigenvalues >= 1, so the factorisation cannot fail.
  choleskySolve(choleskyLower(normal, free)!, free, rhs);
  for (let f = 0; f < free; f++) {
    for (let i = 0; i < rank; i++) x[i] -= w[f * rank + i] * rhs[f];
    x[rank + f] = rhs[f];
  }
}
