import type { Matrix } from '../core/matrix.js';
import { dot } from '../kernels/blas1.js';
import type { PackedWeights } from './linear-decision.js';

/**
 * A linear least-squares problem as scikit-learn's _preprocess_data and _rescale_data leave it: with
 * an intercept, X and the targets are centred on their (weighted) means, so the intercept drops out
 * of the fit and is recovered afterwards; with sample weights, each row is scaled by sqrt(weight).
 */
export interface CentredProblem {
  /** Column-major nRows x nCols. */
  design: Float64Array;
  /** Column-major nRows x nTargets. */
  targets: Float64Array;
  nRows: number;
  nCols: number;
  nTargets: number;
  xOffset: Float64Array;
  yOffset: Float64Array;
  fitIntercept: boolean;
}

/** Copies X and the column-major targets into a centred (and row-weighted) problem; the inputs are left alone. */
export function centreProblem(
  X: Matrix,
  targets: Float64Array,
  nTargets: number,
  fitIntercept: boolean,
  sampleWeight: Float64Array | null = null,
): CentredProblem {
  const { nRows: n, nCols: p } = X;
  const weights = sampleWeight ?? new Float64Array(n).fill(1);
  const totalWeight = weights.reduce((total, w) => total + w, 0);
  const xOffset = new Float64Array(p);
  const yOffset = new Float64Array(nTargets);
  if (fitIntercept) {
    for (let j = 0; j < p; j++) xOffset[j] = dot(n, X.data, j * n, 1, weights, 0, 1) / totalWeight;
    for (let t = 0; t < nTargets; t++) yOffset[t] = dot(n, targets, t * n, 1, weights, 0, 1) / totalWeight;
  }
  const rowScale = sampleWeight ? sampleWeight.map(Math.sqrt) : null;
  return {
    design: centredColumns(X.data, n, p, xOffset, rowScale),
    targets: centredColumns(targets, n, nTargets, yOffset, rowScale),
    nRows: n,
    nCols: p,
    nTargets,
    xOffset,
    yOffset,
    fitIntercept,
  };
}

function centredColumns(
  source: Float64Array,
  n: number,
  nColumns: number,
  offsets: Float64Array,
  rowScale: Float64Array | null,
): Float64Array {
  const out = new Float64Array(n * nColumns);
  for (let j = 0; j < nColumns; j++) {
    for (let i = 0; i < n; i++) {
      const centred = source[j * n + i] - offsets[j];
      out[j * n + i] = rowScale ? centred * rowScale[i] : centred;
    }
  }
  return out;
}

/**
 * Packs per-target coefficients (nTargets rows of nCols, row after row) with their intercepts,
 * yOffset - xOffset . coef, which undo the centring (0 without an intercept).
 */
export function packCentredSolution(problem: CentredProblem, coefficients: Float64Array): PackedWeights {
  const { nCols: p, nTargets, xOffset, yOffset, fitIntercept } = problem;
  const stride = p + (fitIntercept ? 1 : 0);
  const values = new Float64Array(nTargets * stride);
  for (let t = 0; t < nTargets; t++) {
    values.set(coefficients.subarray(t * p, (t + 1) * p), t * stride);
    if (fitIntercept) values[t * stride + p] = yOffset[t] - dot(p, xOffset, 0, 1, coefficients, t * p, 1);
  }
  return { values, nOutputs: nTargets, stride, hasIntercept: fitIntercept };
}
