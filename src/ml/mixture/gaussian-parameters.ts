import type { Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import { choleskyLower, invertLowerTriangular } from '../linalg/cholesky.js';

export type CovarianceType = 'full' | 'tied' | 'diag' | 'spherical';

/**
 * The parameters of a Gaussian mixture with k components over d features, laid out as
 * scikit-learn's attributes: means k x d; covariances k x d x d (full), d x d (tied), k x d (diag)
 * or k (spherical); precisionsCholesky the same shapes, holding the upper-triangular factor U
 * with U U^T = covariance^{-1} (full, tied) or 1 / sqrt(variance) (diag, spherical). Row-major.
 */
export interface GaussianParameters {
  covarianceType: CovarianceType;
  nComponents: number;
  nFeatures: number;
  weights: Float64Array;
  means: Float64Array;
  covariances: Float64Array;
  precisionsCholesky: Float64Array;
}

/** numpy.finfo(float64).eps: 10 of it keeps an empty component's weight above 0, as scikit-learn does. */
const EPSILON = 2.220446049250313e-16;

/**
 * The M step: weights (unnormalised, as component masses), means and covariances from
 * responsibilities resp (n x k, column-major: resp[c * n + i]), with reg_covar added to every
 * variance so that no covariance is singular.
 */
export function estimateGaussianParameters(
  X: Matrix,
  resp: Float64Array,
  nComponents: number,
  regCovar: number,
  covarianceType: CovarianceType,
): Omit<GaussianParameters, 'precisionsCholesky'> {
  const n = X.nRows;
  const d = X.nCols;
  const masses = new Float64Array(nComponents);
  const means = new Float64Array(nComponents * d);
  for (let c = 0; c < nComponents; c++) {
    let mass = 0;
    for (let i = 0; i < n; i++) mass += resp[c * n + i];
    masses[c] = mass + 10 * EPSILON;
    for (let f = 0; f < d; f++) {
      let total = 0;
      for (let i = 0; i < n; i++) total += resp[c * n + i] * X.data[f * n + i];
      means[c * d + f] = total / masses[c];
    }
  }
  const estimate = { full: fullCovariances, tied: tiedCovariance, diag: diagonalVariances, spherical: sphericalVariances }[covarianceType];
  const covariances = estimate(X, resp, masses, means, regCovar);
  return { covarianceType, nComponents, nFeatures: d, weights: masses, means, covariances };
}

type CovarianceEstimate = (X: Matrix, resp: Float64Array, masses: Float64Array, means: Float64Array, regCovar: number) => Float64Array;

/** One d x d covariance per component: the responsibility-weighted scatter around its mean. */
const fullCovariances: CovarianceEstimate = (X, resp, masses, means, regCovar) => {
  const n = X.nRows;
  const d = X.nCols;
  const k = masses.length;
  const out = new Float64Array(k * d * d);
  const centred = new Float64Array(n * d);
  for (let c = 0; c < k; c++) {
    for (let f = 0; f < d; f++) for (let i = 0; i < n; i++) centred[f * n + i] = X.data[f * n + i] - means[c * d + f];
    for (let a = 0; a < d; a++) {
      for (let b = 0; b <= a; b++) {
        let total = 0;
        for (let i = 0; i < n; i++) total += resp[c * n + i] * centred[a * n + i] * centred[b * n + i];
        const value = total / masses[c];
        out[c * d * d + a * d + b] = value;
        out[c * d * d + b * d + a] = value;
      }
      out[c * d * d + a * d + a] += regCovar;
    }
  }
  return out;
};

/** One d x d covariance shared by every component: E[x x^T] minus the mass-weighted mean outer products. */
const tiedCovariance: CovarianceEstimate = (X, _resp, masses, means, regCovar) => {
  const n = X.nRows;
  const d = X.nCols;
  let totalMass = 0;
  for (let c = 0; c < masses.length; c++) totalMass += masses[c];
  const out = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      let squares = 0;
      for (let i = 0; i < n; i++) squares += X.data[a * n + i] * X.data[b * n + i];
      let meanProducts = 0;
      for (let c = 0; c < masses.length; c++) meanProducts += masses[c] * means[c * d + a] * means[c * d + b];
      out[a * d + b] = out[b * d + a] = (squares - meanProducts) / totalMass;
    }
    out[a * d + a] += regCovar;
  }
  return out;
};

/** Per component and feature: E[x^2] - 2 mean E[x] + mean^2 under the responsibilities (scikit-learn's formula). */
const diagonalVariances: CovarianceEstimate = (X, resp, masses, means, regCovar) => {
  const n = X.nRows;
  const d = X.nCols;
  const out = new Float64Array(masses.length * d);
  for (let c = 0; c < masses.length; c++) {
    for (let f = 0; f < d; f++) {
      let squares = 0;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const value = X.data[f * n + i];
        squares += resp[c * n + i] * value * value;
        sum += resp[c * n + i] * value;
      }
      const mean = means[c * d + f];
      out[c * d + f] = squares / masses[c] - 2 * ((mean * sum) / masses[c]) + mean * mean + regCovar;
    }
  }
  return out;
};

/** One variance per component: the mean of its diagonal variances. */
const sphericalVariances: CovarianceEstimate = (X, resp, masses, means, regCovar) => {
  const d = X.nCols;
  const diagonal = diagonalVariances(X, resp, masses, means, regCovar);
  return Float64Array.from({ length: masses.length }, (_, c) => {
    let total = 0;
    for (let f = 0; f < d; f++) total += diagonal[c * d + f];
    return total / d;
  });
};

const ILL_DEFINED =
  'Fitting the mixture model failed because some components have ill-defined empirical covariance ' +
  '(for instance caused by singleton or collapsed samples). Try to decrease the number of components, or increase reg_covar.';

/** Cholesky factors of the precisions; refuses covariances that are not positive definite, as scikit-learn does. */
export function precisionCholesky(covariances: Float64Array, covarianceType: CovarianceType, nFeatures: number): Float64Array {
  if (covarianceType === 'diag' || covarianceType === 'spherical') {
    if (covariances.some((v) => !(v > 0))) throw new InvalidTrainingDataError(ILL_DEFINED);
    return covariances.map((v) => 1 / Math.sqrt(v));
  }
  const d = nFeatures;
  const out = new Float64Array(covariances.length);
  for (let offset = 0; offset < covariances.length; offset += d * d) {
    const lower = choleskyLower(covariances.subarray(offset, offset + d * d), d);
    if (lower === null) throw new InvalidTrainingDataError(ILL_DEFINED);
    const inverse = invertLowerTriangular(lower, d);
    // Transposed: the factor scikit-learn keeps is (L^{-1})^T, upper triangular.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) out[offset + a * d + b] = inverse[b * d + a];
  }
  return out;
}
