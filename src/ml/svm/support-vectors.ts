import type { Matrix } from '../core/matrix.js';
import { rowMajorRows } from '../core/row-major.js';
import { predictionKernel, type KernelSpec } from './kernel.js';

/** A fitted kernel expansion's support vectors: row-major, nFeatures values each. */
export interface SupportVectors {
  rows: Float64Array;
  count: number;
  nFeatures: number;
}

/**
 * Calls `visit` with K(x, sv_s) for every support vector s, one query row of X at a time (the buffer
 * is reused), as libsvm's predict_values computes its kvalue array.
 */
export function forEachKernelRow(
  kernel: KernelSpec,
  support: SupportVectors,
  X: Matrix,
  visit: (row: number, kernelValues: Float64Array) => void,
): void {
  const queries = rowMajorRows(X);
  const values = new Float64Array(support.count);
  for (let i = 0; i < X.nRows; i++) {
    for (let s = 0; s < support.count; s++) values[s] = predictionKernel(kernel, support.nFeatures, queries, i, support.rows, s);
    visit(i, values);
  }
}

/** Coefficients coef[offset + s] for support vectors s in [start, start + count). */
export interface ExpansionTerms {
  coef: Float64Array;
  offset: number;
  start: number;
  count: number;
}

/**
 * The primal weights of a linear-kernel expansion, w = sum_s coef_s sv_s, for each row of
 * coefficients given as (start, count) ranges of support vectors: scikit-learn's coef_.
 */
export function linearWeights(support: SupportVectors, terms: readonly ExpansionTerms[]): Float64Array {
  const p = support.nFeatures;
  const weights = new Float64Array(p);
  for (const { coef, offset, start, count } of terms) {
    for (let s = start; s < start + count; s++) {
      const c = coef[offset + s];
      for (let j = 0; j < p; j++) weights[j] += c * support.rows[s * p + j];
    }
  }
  return weights;
}
