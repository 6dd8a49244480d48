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
    let j = 0;
    for (; j + 4 <= nCols; j += 4) {
      addFourColumns(data, nRows, j, values[rowStart + j], values[rowStart + j + 1], values[rowStart + j + 2], values[rowStart + j + 3], out, outStart);
    }
    for (; j < nCols; j++) axpy(nRows, values[rowStart + j], data, j * nRows, 1, out, outStart, 1);
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

/**
 * out += w0 x_j + w1 x_{j+1} + w2 x_{j+2} + w3 x_{j+3}, added one column after the other as four
 * axpy calls would add them (the same sums, bit for bit), in one pass over out instead of four:
 * the passes, each loading and storing all of out, were most of the cost.
 */
function addFourColumns(
  data: Float64Array,
  nRows: number,
  j: number,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  out: Float64Array,
  outStart: number,
): void {
  const c0 = j * nRows;
  const c1 = c0 + nRows;
  const c2 = c1 + nRows;
  const c3 = c2 + nRows;
  for (let i = 0; i < nRows; i++) {
    let v = out[outStart + i];
    if (w0 !== 0) v += w0 * data[c0 + i];
    if (w1 !== 0) v += w1 * data[c1 + i];
    if (w2 !== 0) v += w2 * data[c2 + i];
    if (w3 !== 0) v += w3 * data[c3 + i];
    out[outStart + i] = v;
  }
}
