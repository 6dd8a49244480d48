import type { Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { rowMajorRows } from '../core/row-major.js';
import type { FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { r2Score } from '../metrics/regression.js';
import { LinearRegressorBase, type LinearRegressorFit } from './linear-regressor-base.js';
import { plainSgd } from './plain-sgd.js';
import { checkSgdParams, sgdHyperparameters, sgdOptions, validationMask } from './sgd-params.js';
import { REGRESSION_LOSSES } from './sgd-losses.js';

const MODEL_TYPE = 'sgd_regressor';

/** scikit-learn 1.2 SGDRegressor's names, defaults and constraints. */
export const sgdRegressorHyperparameters: readonly HyperparameterDef[] = sgdHyperparameters({
  losses: REGRESSION_LOSSES,
  loss: 'squared_error',
  learningRate: 'invscaling',
  eta0: 0.01,
  powerT: 0.25,
});

/** A linear regressor fitted by stochastic gradient descent, as scikit-learn's SGDRegressor. */
export class SgdRegressor extends LinearRegressorBase {
  readonly modelType = MODEL_TYPE;

  protected learn(X: Matrix, y: Float64Array, ctx: FitContext): LinearRegressorFit {
    checkSgdParams(this.params);
    const p = X.nCols;
    const rng = new Random((this.params.random_state as number | null) ?? 0);
    const validation = validationMask(this.params, X, rng.fork());
    const rows = rowMajorRows(X);
    const maxIter = this.params.max_iter as number;
    const result = plainSgd(
      {
        rows,
        nRows: X.nRows,
        nCols: p,
        y,
        weight: new Float64Array(X.nRows).fill(1),
        validation,
        validationScore: (coef, intercept) => validationR2(rows, p, y, validation!, coef, intercept),
      },
      sgdOptions(this.params, rng.fork(), (epoch) => ctx.onProgress?.(epoch / maxIter)),
    );
    const hasIntercept = this.params.fit_intercept as boolean;
    const values = new Float64Array(p + (hasIntercept ? 1 : 0));
    values.set(result.coef);
    if (hasIntercept) values[p] = result.intercept;
    return { weights: { values, nOutputs: 1, stride: values.length, hasIntercept }, facts: { nIter: result.nIter } };
  }
}

/** R^2 of x . coef + intercept on the validation rows (scikit-learn's validation score for regressors). */
function validationR2(
  rows: Float64Array,
  p: number,
  y: Float64Array,
  validation: Uint8Array,
  coef: Float64Array,
  intercept: number,
): number {
  const truth: number[] = [];
  const predicted: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if (!validation[i]) continue;
    let value = intercept;
    for (let j = 0; j < p; j++) value += coef[j] * rows[i * p + j];
    truth.push(y[i]);
    predicted.push(value);
  }
  return r2Score(Float64Array.from(truth), Float64Array.from(predicted));
}

export const sgdRegressorSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'regression',
  family: 'linear',
  description: 'Linear regressor by stochastic gradient descent (squared error, huber, epsilon-insensitive)',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: sgdRegressorHyperparameters,
  checkParams: checkSgdParams,
  create: (params) => new SgdRegressor(params),
  restore: (state) =>
    new SgdRegressor(resolveHyperparameters(MODEL_TYPE, sgdRegressorHyperparameters, state.params)).loadState(
      state.fitted,
      ['nIter'],
    ),
};
