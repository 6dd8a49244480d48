import { createMatrix, takeRows, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { inertiaOf, nearestCentres } from './assign.js';
import { checkClusteringInput, resolveSeed } from './clustering-input.js';
import { CentroidClusterer, clusteringSpec, type CentroidFit } from './clusterer-base.js';
import { matrixState } from './fitted-state.js';
import { KMEANS_INIT_DEF, nClustersDef, nInitDef, RANDOM_STATE_DEF, resolveNInit } from './common-params.js';
import { initialCentres, type KMeansInit } from './kmeans-init.js';
import { absoluteTolerance, squaredShift } from './lloyd.js';
import { MiniBatchConvergence, miniBatchStep, reassignLightCentres } from './mini-batch-step.js';

const MODEL_TYPE = 'mini_batch_kmeans';

/** scikit-learn 1.2 names, defaults and constraints (n_init "warn" is 3 there). */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  nClustersDef(8),
  KMEANS_INIT_DEF,
  { name: 'max_iter', description: 'Most passes over the data (in mini-batches) before stopping.', default: 100, int: { min: 1 } },
  { name: 'batch_size', description: 'Rows drawn (with replacement) for each update.', default: 1024, int: { min: 1 } },
  {
    name: 'tol',
    description: 'Stop when the centres move less than this in total squared distance, relative to the mean feature variance; 0 disables it.',
    default: 0.0,
    float: { min: 0 },
  },
  {
    name: 'max_no_improvement',
    description: 'Stop after this many batches without a new best smoothed inertia; null disables it.',
    default: 10,
    int: { min: 0 },
    nullable: true,
  },
  { name: 'init_size', description: 'Rows drawn to choose initial centres; null means 3 x batch_size.', default: null, int: { min: 1 }, nullable: true },
  nInitDef(3, 3),
  {
    name: 'reassignment_ratio',
    description: 'Centres whose share of rows falls below this fraction of the largest are moved to random rows.',
    default: 0.01,
    float: { min: 0 },
  },
  RANDOM_STATE_DEF,
];

export interface MiniBatchKMeansFit extends CentroidFit {
  inertia: number;
  nSteps: number;
}

/** k-means fitted on random mini-batches: a little worse than full k-means, far cheaper on large data. */
export class MiniBatchKMeans extends CentroidClusterer<MiniBatchKMeansFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
  }

  get inertia(): number {
    return this.requireFitted().inertia;
  }

  protected learn(X: Matrix, ctx: FitContext): MiniBatchKMeansFit {
    const k = this.params.n_clusters as number;
    checkClusteringInput(MODEL_TYPE, X);
    if (X.nRows < k) throw new InvalidTrainingDataError(`n_samples=${X.nRows} should be >= n_clusters=${k}`);
    const n = X.nRows;
    const init = this.params.init as KMeansInit;
    const batchSize = Math.min(this.params.batch_size as number, n);
    let initSize = (this.params.init_size as number | null) ?? 3 * batchSize;
    if (initSize < k) initSize = 3 * k;
    initSize = Math.min(initSize, n);
    const rng = new Random(resolveSeed(this.params.random_state as number | null));

    // Initial centres: the best of n_init seedings, judged on one shared validation sample.
    const validation = takeRows(X, drawRows(n, initSize, rng));
    let centres: Matrix | null = null;
    let bestInertia = Infinity;
    for (let start = 0; start < resolveNInit(this.params.n_init as number | 'auto', init, 3); start++) {
      const pool = initSize < n ? takeRows(X, drawRows(n, initSize, rng)) : X;
      const candidate = initialCentres(pool, k, init, rng);
      const inertia = inertiaOf(validation, candidate, nearestCentres(validation, candidate));
      if (centres === null || inertia < bestInertia) {
        centres = candidate;
        bestInertia = inertia;
      }
    }
    let current = centres!;
    let next = createMatrix(k, X.nCols);
    const counts = new Float64Array(k);
    const tol = absoluteTolerance(X, this.params.tol as number);
    const convergence = new MiniBatchConvergence(batchSize, n, tol, this.params.max_no_improvement as number | null);
    const reassignmentRatio = this.params.reassignment_ratio as number;
    const nSteps = Math.floor(((this.params.max_iter as number) * n) / batchSize);
    let sinceReassign = 0;
    let step = 0;
    for (; step < nSteps; step++) {
      const batch = takeRows(X, drawRows(n, batchSize, rng));
      // Reassign when a centre has never received a row, or every 10 k rows seen.
      sinceReassign += batchSize;
      const reassign = counts.includes(0) || sinceReassign >= 10 * k;
      if (reassign) sinceReassign = 0;
      const batchInertia = miniBatchStep(batch, current, next, counts);
      if (reassign && reassignmentRatio > 0) reassignLightCentres(batch, next, counts, reassignmentRatio, rng);
      const shift = tol > 0 ? squaredShift(current, next) : 0;
      [current, next] = [next, current];
      if ((step & 63) === 63) ctx.onProgress?.(step / nSteps);
      if (convergence.converged(step, shift, batchInertia)) break;
    }
    const labels = nearestCentres(X, current);
    return { labels, clusterCenters: current, inertia: inertiaOf(X, current, labels), nSteps: Math.min(step + 1, nSteps) };
  }

  protected encode(fit: MiniBatchKMeansFit): { [key: string]: StateValue } {
    return {
      labels_: fit.labels,
      cluster_centers_: matrixState(fit.clusterCenters),
      inertia_: fit.inertia,
      n_steps_: fit.nSteps,
    };
  }
}

/** `count` row indices drawn uniformly with replacement (numpy's randint). */
function drawRows(n: number, count: number, rng: Random): Uint32Array {
  return Uint32Array.from({ length: count }, () => rng.int(n));
}

export const miniBatchKMeansSpec = clusteringSpec<MiniBatchKMeansFit>({
  modelType: MODEL_TYPE,
  aliases: ['minibatch_kmeans'],
  description: 'Mini-batch k-means: k-means updated on random batches of rows; near k-means quality at a fraction of the cost.',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new MiniBatchKMeans(params),
  decode: (state) => ({
    labels: state.int32('labels_'),
    clusterCenters: state.matrix('cluster_centers_'),
    inertia: state.number('inertia_'),
    nSteps: state.number('n_steps_'),
  }),
});
