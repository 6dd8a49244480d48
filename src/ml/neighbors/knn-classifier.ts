import { createMatrix, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import type { Classifier, FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import type { DistanceMetric } from '../kernels/distances.js';
import { checkClassLabels, checkFeatureCount, checkTrainingMatrix } from '../estimator/input-checks.js';
import { forEachNeighbourhood, type ReferencePoints } from './nearest-neighbors.js';

const MODEL_TYPE = 'knn_classifier';

/** scikit-learn 1.2 KNeighborsClassifier's names, defaults and constraints. */
export const knnClassifierHyperparameters: readonly HyperparameterDef[] = [
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

interface KnnFit {
  /** The training rows themselves: for k-NN they are the model. */
  reference: ReferencePoints;
  labels: Int32Array;
  nClasses: number;
}

/**
 * k-nearest-neighbours classification, as scikit-learn's KNeighborsClassifier: the k closest
 * training rows vote, uniformly or by inverse distance; probabilities are the vote shares and the
 * prediction the class with the most votes (the lowest class index on a tie).
 */
export class KnnClassifier implements Classifier {
  readonly modelType = MODEL_TYPE;
  readonly task = 'classification';
  private fitted: KnnFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkClassLabels(MODEL_TYPE, y, nClasses);
    const k = this.params.n_neighbors as number;
    if (k > X.nRows) {
      throw new InvalidTrainingDataError(
        `${MODEL_TYPE}: n_neighbors (${k}) is larger than the number of training rows (${X.nRows})`,
      );
    }
    // Copies, so that later changes to the caller's buffers cannot change the model.
    this.fitted = {
      reference: { data: Float64Array.from(X.data), nRows: X.nRows, nFeatures: X.nCols },
      labels: Int32Array.from(y),
      nClasses,
    };
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Int32Array {
    const proba = this.predictProba(X);
    const n = proba.nRows;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < proba.nCols; c++) if (proba.data[c * n + i] > proba.data[best * n + i]) best = c;
      out[i] = best;
    }
    return out;
  }

  predictProba(X: Matrix): Matrix {
    const { reference, labels, nClasses } = this.requireFitted();
    checkFeatureCount(MODEL_TYPE, X, reference.nFeatures);
    const n = X.nRows;
    const proba = createMatrix(n, nClasses);
    const votes = new Float64Array(nClasses);
    const byDistance = this.params.weights === 'distance';
    forEachNeighbourhood(reference, X, this.params.n_neighbors as number, this.metric(), (row, indices, distances) => {
      votes.fill(0);
      if (byDistance) addDistanceVotes(votes, labels, indices, distances);
      else for (let t = 0; t < indices.length; t++) votes[labels[indices[t]]] += 1;
      // Summed over classes in order, as scikit-learn normalises, so the shares round the same way.
      let total = 0;
      for (let c = 0; c < nClasses; c++) total += votes[c];
      if (total === 0) total = 1;
      for (let c = 0; c < nClasses; c++) proba.data[c * n + row] = votes[c] / total;
    });
    return proba;
  }

  featureImportance(): null {
    return null;
  }

  toState(): ModelState {
    const { reference, labels, nClasses } = this.requireFitted();
    return {
      modelType: MODEL_TYPE,
      params: { ...this.params },
      fitted: { trainX: reference.data, nFeatures: reference.nFeatures, labels, nClasses },
    };
  }

  static fromState(state: ModelState): KnnClassifier {
    const model = new KnnClassifier(resolveHyperparameters(MODEL_TYPE, knnClassifierHyperparameters, state.params));
    const { trainX, nFeatures, labels, nClasses } = state.fitted;
    if (
      !(trainX instanceof Float64Array) ||
      !(labels instanceof Int32Array) ||
      typeof nFeatures !== 'number' ||
      typeof nClasses !== 'number' ||
      trainX.length !== labels.length * nFeatures
    ) {
      throw new Error(`${MODEL_TYPE} state is missing its training rows or labels`);
    }
    model.fitted = { reference: { data: trainX, nRows: labels.length, nFeatures }, labels, nClasses };
    return model;
  }

  /** scikit-learn's effective metric: Minkowski with p = 1 or 2 is Manhattan or Euclidean. */
  private metric(): DistanceMetric {
    const p = (this.params.p as number | null) ?? 2;
    const name = this.params.metric as string;
    if (name === 'minkowski') {
      if (p === 1) return { kind: 'manhattan', p };
      if (p === 2) return { kind: 'euclidean', p };
      return { kind: 'minkowski', p };
    }
    return { kind: name as DistanceMetric['kind'], p };
  }

  private requireFitted(): KnnFit {
    if (!this.fitted) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
  }
}

/**
 * Inverse-distance votes; when some neighbours coincide with the query (1 / distance is infinite),
 * they alone vote, with weight 1 each, as in scikit-learn.
 */
function addDistanceVotes(votes: Float64Array, labels: Int32Array, indices: Int32Array, distances: Float64Array): void {
  let coincident = false;
  for (let t = 0; t < distances.length; t++) if (!Number.isFinite(1 / distances[t])) coincident = true;
  for (let t = 0; t < indices.length; t++) {
    const inverse = 1 / distances[t];
    const weight = coincident ? (Number.isFinite(inverse) ? 0 : 1) : inverse;
    votes[labels[indices[t]]] += weight;
  }
}

export const knnClassifierSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'classification',
  family: 'neighbors',
  description: 'k-nearest-neighbours vote (exact brute-force search; the model keeps the training rows)',
  importanceMethod: null,
  needsScaling: true,
  hyperparameters: knnClassifierHyperparameters,
  create: (params) => new KnnClassifier(params),
  restore: (state) => KnnClassifier.fromState(state),
};
