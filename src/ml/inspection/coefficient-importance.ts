import type { FeatureImportance } from '../estimator/estimator.js';

/**
 * Importance of a linear model's features from its coefficients: |coef| averaged over the output
 * rows (the classes of a multinomial model), normalised to sum to 1. Like scikit-learn's `coef_`
 * based importance, it is only comparable across features when they share a scale.
 *
 * `coefficients` holds nOutputs rows of nFeatures coefficients, `stride` apart (rows may carry an
 * intercept after the coefficients, which is skipped).
 */
export function coefficientImportance(
  coefficients: Float64Array,
  nOutputs: number,
  nFeatures: number,
  stride: number,
): FeatureImportance {
  const values = new Float64Array(nFeatures);
  const rows: number[][] = [];
  for (let r = 0; r < nOutputs; r++) {
    const row = Array.from(coefficients.subarray(r * stride, r * stride + nFeatures));
    rows.push(row);
    for (let j = 0; j < nFeatures; j++) values[j] += Math.abs(row[j]) / nOutputs;
  }
  let total = 0;
  for (let j = 0; j < nFeatures; j++) total += values[j];
  // All-zero coefficients (a fully regularised or constant model) have no importance to share out.
  if (total > 0) for (let j = 0; j < nFeatures; j++) values[j] /= total;
  return { method: 'coef_', values, coefficients: rows };
}
