import type { Matrix } from '../core/matrix.js';
import { weightedLogProb, normaliseLogProb } from './gaussian-log-prob.js';
import { estimateGaussianParameters, precisionCholesky, type CovarianceType, type GaussianParameters } from './gaussian-parameters.js';

export interface EmOptions {
  covarianceType: CovarianceType;
  regCovar: number;
  tol: number;
  maxIter: number;
}

export interface EmRun {
  params: GaussianParameters;
  /** Mean log-likelihood per row at the last E step (scikit-learn's lower_bound_). */
  lowerBound: number;
  nIter: number;
  converged: boolean;
}

/** Parameters from responsibilities: the M step, with weights normalised by `weightTotal`. */
export function mStep(X: Matrix, resp: Float64Array, nComponents: number, options: EmOptions, weightTotal: number | null): GaussianParameters {
  const estimate = estimateGaussianParameters(X, resp, nComponents, options.regCovar, options.covarianceType);
  let total = weightTotal ?? 0;
  if (weightTotal === null) for (let c = 0; c < nComponents; c++) total += estimate.weights[c];
  const weights = estimate.weights.map((w) => w / total);
  return { ...estimate, weights, precisionsCholesky: precisionCholesky(estimate.covariances, options.covarianceType, X.nCols) };
}

/**
 * One EM run from initial responsibilities, scikit-learn's loop: initial parameters from the
 * responsibilities (weights divided by n), then E step (log-likelihood and responsibilities),
 * M step, until the mean log-likelihood changes by less than tol or max_iter runs out. The lower
 * bound is the E step's, taken before its M step, as in scikit-learn.
 */
export function expectationMaximisation(X: Matrix, initialResp: Float64Array, nComponents: number, options: EmOptions): EmRun {
  const n = X.nRows;
  let params = mStep(X, initialResp, nComponents, options, n);
  let lowerBound = -Infinity;
  let nIter = 0;
  let converged = false;
  for (let iteration = 1; iteration <= options.maxIter; iteration++) {
    const previous = lowerBound;
    const logResp = weightedLogProb(X, params);
    lowerBound = mean(normaliseLogProb(logResp, n, nComponents));
    params = mStep(X, logResp.map(Math.exp), nComponents, options, null);
    nIter = iteration;
    if (Math.abs(lowerBound - previous) < options.tol) {
      converged = true;
      break;
    }
  }
  return { params, lowerBound, nIter, converged };
}

/** Mean log-likelihood of the rows under a mixture (scikit-learn's score). */
export function meanLogLikelihood(X: Matrix, params: GaussianParameters): number {
  return mean(normaliseLogProb(weightedLogProb(X, params), X.nRows, params.nComponents));
}

function mean(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total / values.length;
}
