import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import type { Clusterer, FeatureImportance, FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { checkClusteringInput, resolveSeed } from './clustering-input.js';
import { KMEANS_INIT_DEF, nClustersDef, nInitDef, RANDOM_STATE_DEF, resolveNInit } from './common-params.js';
import { nearestCentres } from './assign.js';
import { initialCentres, type KMeansInit } from './kmeans-init.js';
import { absoluteTolerance, type KMeansRun } from './lloyd.js';
import { lloydRuns } from './lloyd-runs.js';

const MODEL_TYPE = 'kmeans';

/** scikit-learn 1.2 names, defaults and constraints. */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  nClustersDef(8),
  KMEANS_INIT_DEF,
  nInitDef(10, 10),
  { name: 'max_iter', description: 'Maximum Lloyd iterations per run.', default: 300, int: { min: 1 } },
  {
    name: 'tol',
    description: 'Convergence threshold on the total squared centre shift, relative to the mean feature variance.',
    default: 1e-4,
    float: { min: 0 },
  },
  {
    name: 'algorithm',
    description:
      'k-means algorithm. Every choice gives the same result: Lloyd iterations, sped up with Hamerly\'s distance bounds. ' +
      '"auto" and "full" are scikit-learn 1.2\'s deprecated spellings of "lloyd".',
    default: 'lloyd',
    choices: ['lloyd', 'elkan', 'auto', 'full'],
  },
  RANDOM_STATE_DEF,
];

export class KMeans implements Clusterer {
  readonly modelType = MODEL_TYPE;
  readonly task = 'clustering';
  private fitted: KMeansRun | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  fit(X: Matrix, ctx: FitContext = {}): this {
    this.fitted = null;
    const nClusters = this.params.n_clusters as number;
    checkTrainingData(X, nClusters);
    const tol = absoluteTolerance(X, this.params.tol as number);
    const maxIter = this.params.max_iter as number;
    const init = this.params.init as KMeansInit;
    const nInit = resolveNInit(this.params.n_init as number | 'auto', init, 10);
    const rng = new Random(resolveSeed(this.params.random_state as number | null));

    // Every run's start is drawn first, in order, so the runs can go to any thread and still give
    // the result of running them one after another.
    const starts = Array.from({ length: nInit }, () => initialCentres(X, nClusters, init, rng));
    const { runs } = lloydRuns({ X, starts, maxIter, tol }, ctx);
    let best: KMeansRun | null = null;
    for (const candidate of runs) {
      // Like scikit-learn, a lower inertia only wins if it is a different clustering: the same
      // partition with relabelled clusters can differ in inertia by rounding alone.
      if (best === null || (candidate.inertia < best.inertia && !sameClustering(candidate.labels, best.labels, nClusters))) {
        best = candidate;
      }
    }
    // Fewer distinct labels than n_clusters (duplicate rows) is kept as is: scikit-learn only warns.
    this.fitted = best;
    return this;
  }

  /** Cluster index of every training row. */
  get labels(): Int32Array {
    return this.requireFitted().labels;
  }

  /** nClusters x nFeatures. */
  get clusterCenters(): Matrix {
    return this.requireFitted().centres;
  }

  /** Sum of squared distances from the training rows to their centres. */
  get inertia(): number {
    return this.requireFitted().inertia;
  }

  get nIter(): number {
    return this.requireFitted().nIter;
  }

  /** Nearest centre of each row. */
  predict(X: Matrix): Int32Array {
    const { centres } = this.requireFitted();
    if (X.nCols !== centres.nCols) {
      throw new InvalidTrainingDataError(`X has ${X.nCols} features, but kmeans was fitted on ${centres.nCols}`);
    }
    return nearestCentres(X, centres);
  }

  featureImportance(): FeatureImportance | null {
    return null;
  }

  toState(): ModelState {
    const { centres, labels, inertia, nIter } = this.requireFitted();
    return {
      modelType: MODEL_TYPE,
      params: { ...this.params },
      fitted: {
        n_clusters: centres.nRows,
        n_features_in_: centres.nCols,
        cluster_centers_: centres.data,
        labels_: labels,
        inertia_: inertia,
        n_iter_: nIter,
      },
    };
  }

  static fromState(state: ModelState): KMeans {
    const params = resolveHyperparameters(MODEL_TYPE, HYPERPARAMETERS, state.params);
    const { n_clusters, n_features_in_, cluster_centers_, labels_, inertia_, n_iter_ } = state.fitted;
    if (
      typeof n_clusters !== 'number' || typeof n_features_in_ !== 'number' || !(cluster_centers_ instanceof Float64Array) ||
      !(labels_ instanceof Int32Array) || typeof inertia_ !== 'number' || typeof n_iter_ !== 'number'
    ) {
      throw new Error('kmeans state is missing cluster_centers_, labels_, inertia_ or n_iter_');
    }
    const model = new KMeans(params);
    model.fitted = {
      centres: createMatrix(n_clusters, n_features_in_, cluster_centers_),
      labels: labels_,
      inertia: inertia_,
      nIter: n_iter_,
    };
    return model;
  }

  private requireFitted(): KMeansRun {
    if (this.fitted === null) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
  }
}

export const kmeansSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  // No 'k_means' alias: every name must resolve to its task by the spec's keywords, and that one does not.
  aliases: [],
  taskType: 'clustering',
  family: 'cluster',
  description: 'k-means: partitions rows into n_clusters groups around centres, minimising squared distances.',
  importanceMethod: null,
  needsScaling: true,
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new KMeans(params),
  restore: (state) => KMeans.fromState(state),
};

function checkTrainingData(X: Matrix, nClusters: number): void {
  checkClusteringInput(MODEL_TYPE, X);
  if (X.nRows < nClusters) {
    throw new InvalidTrainingDataError(`n_samples=${X.nRows} should be >= n_clusters=${nClusters}`);
  }
}

/** True when every cluster of `a` maps into a single cluster of `b` (scikit-learn's _is_same_clustering). */
function sameClustering(a: Int32Array, b: Int32Array, nClusters: number): boolean {
  const mapping = new Int32Array(nClusters).fill(-1);
  for (let i = 0; i < a.length; i++) {
    if (mapping[a[i]] === -1) mapping[a[i]] = b[i];
    else if (mapping[a[i]] !== b[i]) return false;
  }
  return true;
}
