import type { Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { checkClusteringInput, checkPredictionInput, resolveSeed } from '../cluster/clustering-input.js';
import { ClustererBase, clusteringSpec, type ClusteringFit } from '../cluster/clusterer-base.js';
import { expectationMaximisation, meanLogLikelihood, type EmOptions, type EmRun } from './expectation-maximisation.js';
import { mostLikelyComponent, weightedLogProb } from './gaussian-log-prob.js';
import type { CovarianceType, GaussianParameters } from './gaussian-parameters.js';
import { initialResponsibilities, type MixtureInit } from './initial-responsibilities.js';

const MODEL_TYPE = 'gaussian_mixture';

/** scikit-learn 1.2 names, defaults and constraints (no weights_init, means_init, precisions_init or warm_start). */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  { name: 'n_components', description: 'Number of Gaussian components (clusters).', default: 1, int: { min: 1 } },
  {
    name: 'covariance_type',
    description: 'Shape of each covariance: full (own matrix), tied (one shared matrix), diag (own variances), spherical (one variance).',
    default: 'full',
    choices: ['full', 'tied', 'diag', 'spherical'],
  },
  { name: 'tol', description: 'EM stops when the mean log-likelihood gains less than this.', default: 1e-3, float: { min: 0 } },
  { name: 'reg_covar', description: 'Added to every variance so covariances stay positive definite.', default: 1e-6, float: { min: 0 } },
  { name: 'max_iter', description: 'Most EM iterations per initialisation.', default: 100, int: { min: 0 } },
  { name: 'n_init', description: 'Initialisations; the one with the highest likelihood is kept.', default: 1, int: { min: 1 } },
  {
    name: 'init_params',
    description: 'How responsibilities start: a k-means run, k-means++ seed rows, uniform random, or random rows.',
    default: 'kmeans',
    choices: ['kmeans', 'k-means++', 'random', 'random_from_data'],
  },
  {
    name: 'random_state',
    description: 'Seed for the initialisation; null draws a fresh seed on every fit.',
    default: null,
    int: { min: 0, max: 4294967295 },
    nullable: true,
  },
];

export interface GaussianMixtureFit extends ClusteringFit {
  params: GaussianParameters;
  lowerBound: number;
  nIter: number;
  converged: boolean;
}

/** A mixture of Gaussians fitted by expectation-maximisation; a row's cluster is its most likely component. */
export class GaussianMixture extends ClustererBase<GaussianMixtureFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
  }

  get mixture(): GaussianParameters {
    return this.requireFitted().params;
  }

  get lowerBound(): number {
    return this.requireFitted().lowerBound;
  }

  get nIter(): number {
    return this.requireFitted().nIter;
  }

  get converged(): boolean {
    return this.requireFitted().converged;
  }

  predict(X: Matrix): Int32Array {
    const { params } = this.requireFitted();
    checkPredictionInput(MODEL_TYPE, X, params.nFeatures);
    return mostLikelyComponent(weightedLogProb(X, params), X.nRows, params.nComponents);
  }

  /** Mean log-likelihood per row (scikit-learn's score). */
  score(X: Matrix): number {
    const { params } = this.requireFitted();
    checkPredictionInput(MODEL_TYPE, X, params.nFeatures);
    return meanLogLikelihood(X, params);
  }

  protected learn(X: Matrix, ctx: FitContext): GaussianMixtureFit {
    const nComponents = this.params.n_components as number;
    checkClusteringInput(MODEL_TYPE, X, 2);
    if (X.nRows < nComponents) {
      throw new InvalidTrainingDataError(`Expected n_samples >= n_components but got n_components = ${nComponents}, n_samples = ${X.nRows}`);
    }
    const options: EmOptions = {
      covarianceType: this.params.covariance_type as CovarianceType,
      regCovar: this.params.reg_covar as number,
      tol: this.params.tol as number,
      maxIter: this.params.max_iter as number,
    };
    const rng = new Random(resolveSeed(this.params.random_state as number | null));
    const nInit = this.params.n_init as number;
    let best: EmRun | null = null;
    for (let start = 0; start < nInit; start++) {
      const resp = initialResponsibilities(X, nComponents, this.params.init_params as MixtureInit, rng);
      const run = expectationMaximisation(X, resp, nComponents, options);
      if (best === null || run.lowerBound > best.lowerBound) best = run;
      ctx.onProgress?.((start + 1) / nInit);
    }
    const fitted = best!;
    // A last E step, so the training labels are what predict gives for the kept parameters.
    const labels = mostLikelyComponent(weightedLogProb(X, fitted.params), X.nRows, nComponents);
    return { labels, ...fitted };
  }

  protected encode(fit: GaussianMixtureFit): { [key: string]: StateValue } {
    const { params } = fit;
    return {
      labels_: fit.labels,
      covariance_type: params.covarianceType,
      n_components: params.nComponents,
      n_features_in_: params.nFeatures,
      weights_: params.weights,
      means_: params.means,
      covariances_: params.covariances,
      precisions_cholesky_: params.precisionsCholesky,
      // -Infinity when max_iter is 0; JSON has no infinities.
      lower_bound_: Number.isFinite(fit.lowerBound) ? fit.lowerBound : null,
      n_iter_: fit.nIter,
      converged_: fit.converged,
    };
  }
}

export const gaussianMixtureSpec = clusteringSpec<GaussianMixtureFit>({
  modelType: MODEL_TYPE,
  family: 'mixture',
  description: 'Gaussian mixture: fits n_components Gaussians by expectation-maximisation; each row joins its most likely component.',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new GaussianMixture(params),
  decode: (state) => ({
    labels: state.int32('labels_'),
    params: {
      covarianceType: state.choice('covariance_type', ['full', 'tied', 'diag', 'spherical'] as const),
      nComponents: state.number('n_components'),
      nFeatures: state.number('n_features_in_'),
      weights: state.float64('weights_'),
      means: state.float64('means_'),
      covariances: state.float64('covariances_'),
      precisionsCholesky: state.float64('precisions_cholesky_'),
    },
    lowerBound: state.numberOr('lower_bound_', -Infinity),
    nIter: state.number('n_iter_'),
    converged: state.boolean('converged_'),
  }),
});
