import { axpy } from '../kernels/blas1.js';
import type { Matrix } from '../core/matrix.js';

/**
 * Weights of a linear model with one or more outputs, packed one row per output: the X.nCols
 * coefficients, then the intercept when `hasIntercept`. Training and prediction share this layout,
 * so the optimiser's variables are the fitted model without any copying between the two.
 */
export interface PackedWeights {
  values: Float64Array;
  nOutputs: number;
  /** Distance between consecutive output rows: nCols, plus 1 with an intercept. */
  stride: number;
  hasIntercept: boolean;
}

/** Number of input features the packed rows hold coefficients for. */
export function featureCountOf(weights: PackedWeights): number {
  return weights.stride - (weights.hasIntercept ? 1 : 0);
}

/** out[r * nRows + i] = sum_j X[i, j] * w_r[j] + intercept_r: one column-major column per output. */
export function linearDecisionInto(X: Matrix, weights: PackedWeights, out: Float64Array): void {
  const { nRows, nCols, data } = X;
  const { values, stride } = weights;
  for (let r = 0; r < weights.nOutputs; r++) {
    const rowStart = r * stride;
    const outStart = r * nRows;
    out.fill(0, outStart, outStart + nRows);
    for (let j = 0; j < nCols; j++) axpy(nRows, values[rowStart + j], data, j * nRows, 1, out, outStart, 1);
    // Added last, as in scikit-learn's X @ coef + intercept, so sums round the same way.
    if (weights.hasIntercept) {
      const intercept = values[rowStart + nCols];
      for (let i = 0; i < nRows; i++) out[outStart + i] += intercept;
    }
  }
}

export function linearDecision(X: Matrix, weights: PackedWeights): Float64Array {
  const out = new Float64Array(X.nRows * weights.nOutputs);
  linearDecisionInto(X, weights, out);
  return out;
}
