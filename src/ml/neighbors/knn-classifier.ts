import { createMatrix, type Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { Classifier, FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { checkClassLabels, checkFeatureCount, checkTrainingMatrix } from '../estimator/input-checks.js';
import { argmaxClasses } from '../estimator/training-classes.js';
import { forEachWeightedNeighbourhood, knnHyperparameters, referenceFromState, referenceRows } from './knn-params.js';
import type { ReferencePoints } from './nearest-neighbors.js';

const MODEL_TYPE = 'knn_classifier';

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
    this.fitted = { reference: referenceRows(MODEL_TYPE, X, this.params), labels: Int32Array.from(y), nClasses };
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Int32Array {
    return argmaxClasses(this.predictProba(X));
  }

  predictProba(X: Matrix): Matrix {
    const { reference, labels, nClasses } = this.requireFitted();
    checkFeatureCount(MODEL_TYPE, X, reference.nFeatures);
    const n = X.nRows;
    const proba = createMatrix(n, nClasses);
    const votes = new Float64Array(nClasses);
    forEachWeightedNeighbourhood(reference, X, this.params, (row, indices, weights) => {
      votes.fill(0);
      for (let t = 0; t < indices.length; t++) votes[labels[indices[t]]] += weights[t];
      // Summed over classes in order, as scikit-learn normalises, so the shares round the same way.
      let total = 0;
      for (let c = 0; c < nClasses; c++) total += votes[c];
      if (total === 0) total = 1;
      for (let c = 0; c < nClasses; c++) proba.data[c * n + row] = votes[c] / total;
    });
    return proba;
  }

  featureImportance(): null {
    this.requireFitted();
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
    const model = new KnnClassifier(resolveHyperparameters(MODEL_TYPE, knnHyperparameters, state.params));
    const { trainX, nFeatures, labels, nClasses } = state.fitted;
    if (!(labels instanceof Int32Array) || typeof nClasses !== 'number') {
      throw new Error(`${MODEL_TYPE} state is missing its training rows or labels`);
    }
    model.fitted = { reference: referenceFromState(MODEL_TYPE, trainX, nFeatures, labels.length), labels, nClasses };
    return model;
  }

  private requireFitted(): KnnFit {
    if (!this.fitted) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
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
  hyperparameters: knnHyperparameters,
  create: (params) => new KnnClassifier(params),
  restore: (state) => KnnClassifier.fromState(state),
};
