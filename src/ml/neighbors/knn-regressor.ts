import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { FitContext, Regressor } from '../estimator/estimator.js';
import { resolveHyperparameters, type ResolvedParams } from '../estimator/hyperparameters.js';
import { checkFeatureCount, checkRegressionTargets, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { forEachWeightedNeighbourhood, knnHyperparameters, referenceFromState, referenceRows } from './knn-params.js';
import type { ReferencePoints } from './nearest-neighbors.js';

const MODEL_TYPE = 'knn_regressor';

interface KnnRegressionFit {
  reference: ReferencePoints;
  targets: Float64Array;
}

/**
 * k-nearest-neighbours regression, as scikit-learn's KNeighborsRegressor: the mean of the k closest
 * training rows' targets, or their inverse-distance weighted mean.
 */
export class KnnRegressor implements Regressor {
  readonly modelType = MODEL_TYPE;
  readonly task = 'regression';
  private fitted: KnnRegressionFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  fit(X: Matrix, y: Float64Array, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkRegressionTargets(MODEL_TYPE, y);
    this.fitted = { reference: referenceRows(MODEL_TYPE, X, this.params), targets: Float64Array.from(y) };
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const { reference, targets } = this.requireFitted();
    checkFeatureCount(MODEL_TYPE, X, reference.nFeatures);
    const out = new Float64Array(X.nRows);
    const uniform = this.params.weights !== 'distance';
    forEachWeightedNeighbourhood(reference, X, this.params, (row, indices, weights) => {
      let weighted = 0;
      let totalWeight = 0;
      for (let t = 0; t < indices.length; t++) {
        weighted += targets[indices[t]] * weights[t];
        totalWeight += weights[t];
      }
      // scikit-learn takes a plain mean for uniform weights and sum(w y) / sum(w) otherwise.
      out[row] = uniform ? weighted / indices.length : weighted / totalWeight;
    });
    return out;
  }

  featureImportance(): null {
    this.requireFitted();
    return null;
  }

  toState(): ModelState {
    const { reference, targets } = this.requireFitted();
    return {
      modelType: MODEL_TYPE,
      params: { ...this.params },
      fitted: { trainX: reference.data, nFeatures: reference.nFeatures, targets },
    };
  }

  static fromState(state: ModelState): KnnRegressor {
    const model = new KnnRegressor(resolveHyperparameters(MODEL_TYPE, knnHyperparameters, state.params));
    const { trainX, nFeatures, targets } = state.fitted;
    if (!(targets instanceof Float64Array)) throw new Error(`${MODEL_TYPE} state is missing its targets`);
    model.fitted = { reference: referenceFromState(MODEL_TYPE, trainX, nFeatures, targets.length), targets };
    return model;
  }

  private requireFitted(): KnnRegressionFit {
    if (!this.fitted) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
  }
}

export const knnRegressorSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'regression',
  family: 'neighbors',
  description: 'Mean target of the k nearest training rows (exact brute-force search; the model keeps the training rows)',
  importanceMethod: null,
  needsScaling: true,
  hyperparameters: knnHyperparameters,
  create: (params) => new KnnRegressor(params),
  restore: (state) => KnnRegressor.fromState(state),
};
