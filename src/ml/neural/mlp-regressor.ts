import type { Matrix } from '../core/matrix.js';
import type { FitContext, Regressor } from '../estimator/estimator.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { checkRegressionTargets, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { r2Score } from '../metrics/regression.js';
import { MlpBase } from './mlp-base.js';
import { mlpHyperparameters } from './mlp-params.js';

const MODEL_TYPE = 'mlp_regressor';

/** A multilayer perceptron regressor as scikit-learn's MLPRegressor: one identity output, halved squared error. */
export class MlpRegressor extends MlpBase implements Regressor {
  readonly modelType = MODEL_TYPE;
  readonly task = 'regression';

  fit(X: Matrix, y: Float64Array, ctx: FitContext = {}): this {
    this.network = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkRegressionTargets(MODEL_TYPE, y);
    this.train(
      X,
      1,
      'identity',
      {
        targets: Float64Array.from(y),
        score: (outputs, rows) => r2Score(Float64Array.from(rows, (row) => y[row]), outputs),
      },
      ctx.onProgress,
    );
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    return this.outputs(X);
  }

  toState(): ModelState {
    return { modelType: MODEL_TYPE, params: { ...this.params }, fitted: this.networkState() };
  }

  static fromState(state: ModelState): MlpRegressor {
    const model = new MlpRegressor(resolveHyperparameters(MODEL_TYPE, mlpHyperparameters, state.params));
    model.loadNetwork(state.fitted);
    return model;
  }
}

export const mlpRegressorSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'regression',
  family: 'neural_network',
  description: "Multilayer perceptron on the squared error (adam, sgd or lbfgs), as scikit-learn's MLPRegressor",
  importanceMethod: null,
  needsScaling: true,
  hyperparameters: mlpHyperparameters,
  create: (params) => new MlpRegressor(params),
  restore: (state) => MlpRegressor.fromState(state),
};
