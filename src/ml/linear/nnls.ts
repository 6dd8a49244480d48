import { dot } from '../kernels/blas1.js';
import { leastSquares } from './least-squares.js';

/**
 * min ||A x - b|| subject to x >= 0, by Lawson and Hanson's active-set method (Solving Least Squares
 * Problems, 1974, ch. 23), the algorithm behind scipy.optimize.nnls that scikit-learn's
 * LinearRegression(positive=True) calls. A is column-major m x n and left unchanged.
 */
export function nonNegativeLeastSquares(a: Float64Array, m: number, n: number, b: Float64Array): Float64Array {
  const x = new Float64Array(n);
  const candidate = new Float64Array(n);
  const passive = new Uint8Array(n);
  const residual = Float64Array.from(b);
  const gradient = new Float64Array(n);
  // w = A'(b - Ax) is bounded by max ||A_j|| * ||b||; entries below rounding noise of that size
  // must not count as a reason to free a variable, or the method cycles at the optimum.
  let largestColumn = 0;
  for (let j = 0; j < n; j++) largestColumn = Math.max(largestColumn, Math.sqrt(dot(m, a, j * m, 1, a, j * m, 1)));
  const tolerance = Math.max(m, n) * Number.EPSILON * largestColumn * Math.sqrt(dot(m, b, 0, 1, b, 0, 1));
  // Variables whose entry failed since x last changed; retrying them would fail the same way.
  const rejected = new Uint8Array(n);

  // scipy's cap on the number of times x is updated.
  for (let updates = 0; updates < 3 * n; ) {
    for (let j = 0; j < n; j++) gradient[j] = passive[j] || rejected[j] ? 0 : dot(m, a, j * m, 1, residual, 0, 1);
    const entering = mostPositive(gradient, tolerance);
    if (entering < 0) break;
    passive[entering] = 1;
    solveOnPassiveSet(a, m, n, b, passive, candidate);
    if (candidate[entering] <= 0) {
      // Rounding made the entering variable useless after all.
      passive[entering] = 0;
      rejected[entering] = 1;
      continue;
    }
    while (!allPositiveOnPassive(candidate, passive)) {
      stepTowardsFeasible(x, candidate, passive);
      solveOnPassiveSet(a, m, n, b, passive, candidate);
    }
    x.set(candidate);
    rejected.fill(0);
    updates++;
    residual.set(b);
    for (let j = 0; j < n; j++) if (x[j] !== 0) for (let i = 0; i < m; i++) residual[i] -= a[j * m + i] * x[j];
  }
  return x;
}

/** Index of the largest entry above tolerance, or -1. */
function mostPositive(values: Float64Array, tolerance: number): number {
  let best = -1;
  for (let j = 0; j < values.length; j++) {
    if (values[j] > tolerance && (best < 0 || values[j] > values[best])) best = j;
  }
  return best;
}

/** Unconstrained least squares over the passive columns; the others are fixed at 0. */
function solveOnPassiveSet(
  a: Float64Array,
  m: number,
  n: number,
  b: Float64Array,
  passive: Uint8Array,
  out: Float64Array,
): void {
  const columns: number[] = [];
  for (let j = 0; j < n; j++) if (passive[j]) columns.push(j);
  const sub = new Float64Array(m * columns.length);
  columns.forEach((j, c) => sub.set(a.subarray(j * m, (j + 1) * m), c * m));
  const { coef } = leastSquares(sub, m, columns.length, Float64Array.from(b));
  out.fill(0);
  columns.forEach((j, c) => (out[j] = coef[c]));
}

function allPositiveOnPassive(candidate: Float64Array, passive: Uint8Array): boolean {
  for (let j = 0; j < candidate.length; j++) if (passive[j] && candidate[j] <= 0) return false;
  return true;
}

/**
 * Moves x towards the infeasible candidate as far as x stays non-negative, and returns to the
 * active set every passive variable that reached zero on the way.
 */
function stepTowardsFeasible(x: Float64Array, candidate: Float64Array, passive: Uint8Array): void {
  let alpha = Infinity;
  for (let j = 0; j < x.length; j++) {
    if (passive[j] && candidate[j] <= 0) alpha = Math.min(alpha, x[j] / (x[j] - candidate[j]));
  }
  for (let j = 0; j < x.length; j++) {
    if (!passive[j]) continue;
    const blocking = candidate[j] <= 0 && x[j] / (x[j] - candidate[j]) <= alpha;
    x[j] += alpha * (candidate[j] - x[j]);
    if (blocking || x[j] <= 0) {
      x[j] = 0;
      passive[j] = 0;
    }
  }
}
