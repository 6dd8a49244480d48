import type { Matrix } from '../core/matrix.js';
import type { GaussianParameters } from './gaussian-parameters.js';

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * log(weight_c) + log N(x_i | mean_c, covariance_c) for every row and component, n x k
 * column-major. The quadratic form is ||(x - mean) U||^2 with U the precision's Cholesky factor,
 * and log det(precision) / 2 is the sum of log diag(U).
 */
export function weightedLogProb(X: Matrix, params: GaussianParameters): Float64Array {
  const { nComponents: k, nFeatures: d, means, precisionsCholesky: U, weights, covarianceType } = params;
  const n = X.nRows;
  const out = new Float64Array(n * k);
  const projected = new Float64Array(d);
  const row = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const factorOffset = covarianceType === 'full' ? c * d * d : 0;
    const logDet = logDetCholesky(params, c);
    const constant = Math.log(weights[c]) + logDet - 0.5 * d * LOG_2PI;
    for (let i = 0; i < n; i++) {
      for (let f = 0; f < d; f++) row[f] = X.data[f * n + i] - means[c * d + f];
      let quadratic = 0;
      if (covarianceType === 'full' || covarianceType === 'tied') {
        projected.fill(0);
        for (let a = 0; a < d; a++) {
          const value = row[a];
          for (let b = a; b < d; b++) projected[b] += value * U[factorOffset + a * d + b];
        }
        for (let b = 0; b < d; b++) quadratic += projected[b] * projected[b];
      } else {
        for (let f = 0; f < d; f++) {
          const scaled = row[f] * (covarianceType === 'diag' ? U[c * d + f] : U[c]);
          quadratic += scaled * scaled;
        }
      }
      out[c * n + i] = constant - 0.5 * quadratic;
    }
  }
  return out;
}

/** log det(precision_c) / 2 from its Cholesky factor. */
function logDetCholesky(params: GaussianParameters, c: number): number {
  const { nFeatures: d, precisionsCholesky: U, covarianceType } = params;
  if (covarianceType === 'spherical') return d * Math.log(U[c]);
  let total = 0;
  for (let f = 0; f < d; f++) {
    if (covarianceType === 'diag') total += Math.log(U[c * d + f]);
    else total += Math.log(U[(covarianceType === 'full' ? c * d * d : 0) + f * d + f]);
  }
  return total;
}

/**
 * Per row, log sum_c exp(weighted[c]) (the row's log-likelihood), computed stably around the row
 * maximum; `weighted` becomes the log responsibilities in place. Returns the log-likelihoods.
 */
export function normaliseLogProb(weighted: Float64Array, n: number, k: number): Float64Array {
  const logLikelihood = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (weighted[c * n + i] > max) max = weighted[c * n + i];
    let total = 0;
    for (let c = 0; c < k; c++) total += Math.exp(weighted[c * n + i] - max);
    const value = max === -Infinity ? -Infinity : max + Math.log(total);
    logLikelihood[i] = value;
    for (let c = 0; c < k; c++) weighted[c * n + i] -= value;
  }
  return logLikelihood;
}

/** Component of largest weighted log probability per row (ties: the first). */
export function mostLikelyComponent(weighted: Float64Array, n: number, k: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (weighted[c * n + i] > weighted[best * n + i]) best = c;
    labels[i] = best;
  }
  return labels;
}
