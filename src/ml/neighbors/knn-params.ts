import type { Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { DistanceMetric } from '../kernels/distances.js';
import { forEachNeighbourhood, type ReferencePoints } from './nearest-neighbors.js';

/** scikit-learn 1.2 KNeighborsClassifier's and KNeighborsRegressor's names, defaults and constraints. */
export const knnHyperparameters: readonly HyperparameterDef[] = [
  { name: 'n_neighbors', description: 'Number of neighbours that vote', default: 5, int: { min: 1 } },
  {
    name: 'weights',
    description: '"uniform": one vote per neighbour; "distance": votes weighted by 1 / distance (null means uniform)',
    default: 'uniform',
    choices: ['uniform', 'distance'],
    nullable: true,
  },
  {
    name: 'algorithm',
    description: 'Accepted for compatibility; every choice runs the same exact brute-force search',
    default: 'auto',
    choices: ['auto', 'ball_tree', 'kd_tree', 'brute'],
  },
  {
    name: 'leaf_size',
    description: 'Accepted for compatibility; only tree searches use it and the search here is brute force',
    default: 30,
    int: { min: 1 },
  },
  {
    name: 'p',
    description: 'Power of the Minkowski metric: 1 is Manhattan, 2 Euclidean (null means 2)',
    default: 2,
    float: { min: 0, exclusiveMin: true },
    nullable: true,
  },
  {
    name: 'metric',
    description: 'Distance between rows',
    default: 'minkowski',
    choices: ['minkowski', 'euclidean', 'manhattan', 'chebyshev'],
  },
  {
    name: 'n_jobs',
    description: 'Accepted for compatibility; prediction runs on one thread',
    default: null,
    int: {},
    nullable: true,
  },
];

/** A private copy of the training rows (for k-NN they are the model), once n_neighbors is known to fit. */
export function referenceRows(modelType: string, X: Matrix, params: Readonly<ResolvedParams>): ReferencePoints {
  const k = params.n_neighbors as number;
  if (k > X.nRows) {
    throw new InvalidTrainingDataError(`${modelType}: n_neighbors (${k}) is larger than the number of training rows (${X.nRows})`);
  }
  // A copy, so that later changes to the caller's buffers cannot change the model.
  return { data: Float64Array.from(X.data), nRows: X.nRows, nFeatures: X.nCols };
}

/** Saved training rows, checked against the number of targets saved with them. */
export function referenceFromState(modelType: string, trainX: unknown, nFeatures: unknown, nTargets: number): ReferencePoints {
  if (!(trainX instanceof Float64Array) || typeof nFeatures !== 'number' || trainX.length !== nTargets * nFeatures) {
    throw new Error(`${modelType} state is missing its training rows or targets`);
  }
  return { data: trainX, nRows: nTargets, nFeatures };
}

/** Receives one query row's neighbours and their weights (uniform 1s, or scikit-learn's distance weights). */
export type WeightedNeighbourVisitor = (queryRow: number, indices: Int32Array, weights: Float64Array) => void;

/**
 * Visits the n_neighbors nearest training rows of every query row with their weights. Distance
 * weights are 1 / distance; when some neighbours coincide with the query (1 / distance is infinite)
 * they alone count, with weight 1 each, as scikit-learn's _get_weights does.
 */
export function forEachWeightedNeighbourhood(
  reference: ReferencePoints,
  queries: Matrix,
  params: Readonly<ResolvedParams>,
  visit: WeightedNeighbourVisitor,
): void {
  const k = params.n_neighbors as number;
  const weights = new Float64Array(k);
  const byDistance = params.weights === 'distance';
  forEachNeighbourhood(reference, queries, k, knnMetric(params), (row, indices, distances) => {
    if (!byDistance) weights.fill(1);
    else {
      let coincident = false;
      for (let t = 0; t < k; t++) if (!Number.isFinite(1 / distances[t])) coincident = true;
      for (let t = 0; t < k; t++) {
        const inverse = 1 / distances[t];
        weights[t] = coincident ? (Number.isFinite(inverse) ? 0 : 1) : inverse;
      }
    }
    visit(row, indices, weights);
  });
}

/** scikit-learn's effective metric: Minkowski with p = 1 or 2 is Manhattan or Euclidean. */
function knnMetric(params: Readonly<ResolvedParams>): DistanceMetric {
  const p = (params.p as number | null) ?? 2;
  const name = params.metric as string;
  if (name === 'minkowski') {
    if (p === 1) return { kind: 'manhattan', p };
    if (p === 2) return { kind: 'euclidean', p };
    return { kind: 'minkowski', p };
  }
  return { kind: name as DistanceMetric['kind'], p };
}
