import { dot } from '../kernels/blas1.js';
import type { CentredProblem } from './centering.js';
import { choleskyLower } from '../linalg/cholesky.js';
import { choleskySolve } from './cholesky-solve.js';
import { leastSquares } from './least-squares.js';

/**
 * Ridge coefficients for every target of a centred problem, min ||y - X w||^2 + alpha ||w||^2, as
 * scikit-learn's "cholesky" solver (what solver="auto" picks for dense data) computes them:
 * (X'X + alpha I) w = X'y when there are no more features than rows, else the dual
 * (XX' + alpha I) d = y with w = X'd, both by Cholesky. When the system is singular (alpha = 0 on
 * collinear data) scikit-learn falls back to an SVD; the minimum-norm least-squares solution is that
 * same answer. Returns nTargets rows of nCols coefficients.
 */
export function ridgeCoefficients(problem: CentredProblem, alpha: number): Float64Array {
  const { design, targets, nRows: n, nCols: p, nTargets } = problem;
  const dual = p > n;
  const size = dual ? n : p;
  const gram = dual ? rowGram(design, n, p) : columnGram(design, n, p);
  for (let j = 0; j < size; j++) gram[j * size + j] += alpha;
  const factor = choleskyLower(gram, size);
  if (!factor) return leastSquaresFallback(problem);
  const coefficients = new Float64Array(nTargets * p);
  const rhs = new Float64Array(size);
  for (let t = 0; t < nTargets; t++) {
    if (dual) rhs.set(targets.subarray(t * n, (t + 1) * n));
    else for (let j = 0; j < p; j++) rhs[j] = dot(n, design, j * n, 1, targets, t * n, 1);
    choleskySolve(factor, size, rhs);
    if (dual) for (let j = 0; j < p; j++) coefficients[t * p + j] = dot(n, design, j * n, 1, rhs, 0, 1);
    else coefficients.set(rhs, t * p);
  }
  return coefficients;
}

/** X'X for a column-major n x p X (p x p, symmetric). */
function columnGram(design: Float64Array, n: number, p: number): Float64Array {
  const gram = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      const value = dot(n, design, a * n, 1, design, b * n, 1);
      gram[a * p + b] = value;
      gram[b * p + a] = value;
    }
  }
  return gram;
}

/** XX' for a column-major n x p X (n x n, symmetric). */
function rowGram(design: Float64Array, n: number, p: number): Float64Array {
  const gram = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      const value = dot(p, design, a, n, design, b, n);
      gram[a * n + b] = value;
      gram[b * n + a] = value;
    }
  }
  return gram;
}

function leastSquaresFallback(problem: CentredProblem): Float64Array {
  const { design, targets, nRows: n, nCols: p, nTargets } = problem;
  const coefficients = new Float64Array(nTargets * p);
  for (let t = 0; t < nTargets; t++) {
    // leastSquares overwrites its inputs, so each target gets fresh copies.
    const { coef } = leastSquares(Float64Array.from(design), n, p, targets.slice(t * n, (t + 1) * n));
    coefficients.set(coef, t * p);
  }
  return coefficients;
}
