import { axpy, dot } from '../kernels/blas1.js';
import type { Random } from '../core/random.js';

export interface ElasticNetProblem {
  /** Column-major nRows x nCols, already centred when an intercept is fitted. */
  design: Float64Array;
  target: Float64Array;
  nRows: number;
  nCols: number;
  /** Weight of ||w||_1 (scikit-learn's alpha * l1_ratio * n_samples). */
  l1: number;
  /** Weight of ||w||^2 / 2 (alpha * (1 - l1_ratio) * n_samples). */
  l2: number;
  positive: boolean;
}

export interface CoordinateDescentOptions {
  maxIter: number;
  tol: number;
  /** Visit coordinates in random order (selection="random") instead of cyclically. */
  random: Random | null;
  onIteration?: (iteration: number) => void;
}

export interface CoordinateDescentResult {
  coef: Float64Array;
  /** Duality gap at the last check, and the tolerance it was held to (tol * y'y). */
  gap: number;
  gapTolerance: number;
  nIter: number;
  converged: boolean;
}

/**
 * Minimises ||y - X w||^2 / 2 + l1 ||w||_1 + l2 ||w||^2 / 2 by coordinate descent with soft
 * thresholding, as scikit-learn's enet_coordinate_descent: a sweep over the coordinates keeps the
 * residual up to date; when the largest change of a sweep falls below tol relative to the largest
 * coefficient (or on the last sweep), the duality gap decides whether to stop, at tol * y'y. The
 * same steps in the same order give scikit-learn's iterates, so both stop on the same sweep.
 */
export function elasticNetCoordinateDescent(
  problem: ElasticNetProblem,
  options: CoordinateDescentOptions,
): CoordinateDescentResult {
  const { design, target, nRows: n, nCols: p, l1, l2, positive } = problem;
  const coef = new Float64Array(p);
  const columnNorms = new Float64Array(p);
  for (let j = 0; j < p; j++) columnNorms[j] = dot(n, design, j * n, 1, design, j * n, 1);
  const residual = Float64Array.from(target);
  const gapTolerance = options.tol * dot(n, target, 0, 1, target, 0, 1);
  let gap = gapTolerance + 1;
  let iteration = 0;
  let converged = false;
  while (iteration < options.maxIter) {
    let largestCoef = 0;
    let largestChange = 0;
    for (let sweep = 0; sweep < p; sweep++) {
      const j = options.random ? options.random.int(p) : sweep;
      if (columnNorms[j] === 0) continue;
      const previous = coef[j];
      if (previous !== 0) axpy(n, previous, design, j * n, 1, residual, 0, 1);
      const correlation = dot(n, design, j * n, 1, residual, 0, 1);
      coef[j] =
        positive && correlation < 0
          ? 0
          : (Math.sign(correlation) * Math.max(Math.abs(correlation) - l1, 0)) / (columnNorms[j] + l2);
      if (coef[j] !== 0) axpy(n, -coef[j], design, j * n, 1, residual, 0, 1);
      largestChange = Math.max(largestChange, Math.abs(coef[j] - previous));
      largestCoef = Math.max(largestCoef, Math.abs(coef[j]));
    }
    iteration++;
    options.onIteration?.(iteration);
    if (largestCoef === 0 || largestChange / largestCoef < options.tol || iteration === options.maxIter) {
      gap = dualityGap(problem, coef, residual);
      if (gap < gapTolerance) {
        converged = true;
        break;
      }
    }
  }
  return { coef, gap, gapTolerance, nIter: iteration, converged };
}

/**
 * The elastic net's duality gap at coef, with the residual rescaled into the dual feasible set when
 * X'R - l2 w is too large, as scikit-learn computes it.
 */
function dualityGap(problem: ElasticNetProblem, coef: Float64Array, residual: Float64Array): number {
  const { design, target, nRows: n, nCols: p, l1, l2, positive } = problem;
  let dualNorm = positive ? -Infinity : 0;
  for (let j = 0; j < p; j++) {
    const value = dot(n, design, j * n, 1, residual, 0, 1) - l2 * coef[j];
    dualNorm = positive ? Math.max(dualNorm, value) : Math.max(dualNorm, Math.abs(value));
  }
  const residualNorm2 = dot(n, residual, 0, 1, residual, 0, 1);
  const coefNorm2 = dot(p, coef, 0, 1, coef, 0, 1);
  let scale = 1;
  let gap = residualNorm2;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (residualNorm2 + residualNorm2 * scale * scale);
  }
  let l1Norm = 0;
  for (let j = 0; j < p; j++) l1Norm += Math.abs(coef[j]);
  return gap + l1 * l1Norm - scale * dot(n, residual, 0, 1, target, 0, 1) + 0.5 * l2 * (1 + scale * scale) * coefNorm2;
}
