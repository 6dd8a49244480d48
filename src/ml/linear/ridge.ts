import type { Matrix } from '../core/matrix.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { centreProblem, packCentredSolution } from './centering.js';
import { LinearRegressorBase, type LinearRegressorFit } from './linear-regressor-base.js';
import { ridgeCoefficients } from './ridge-solver.js';

const MODEL_TYPE = 'ridge';

/** scikit-learn 1.2 Ridge's names, defaults and constraints, for the dense direct solver. */
export const ridgeHyperparameters: readonly HyperparameterDef[] = [
  {
    name: 'alpha',
    description: 'L2 penalty strength: minimise ||y - Xw||^2 + alpha ||w||^2',
    default: 1.0,
    float: { min: 0 },
  },
  { name: 'fit_intercept', description: 'Learn an unpenalised intercept (the data is centred first)', default: true, bool: true },
  {
    name: 'solver',
    description: '"auto" resolves to "cholesky" on dense data, as in scikit-learn; both solve the normal equations exactly',
    default: 'auto',
    choices: ['auto', 'cholesky'],
  },
  {
    name: 'max_iter',
    description: 'Accepted for compatibility; only iterative solvers use it and cholesky is direct',
    default: null,
    int: { min: 1 },
    nullable: true,
  },
  {
    name: 'tol',
    description: 'Accepted for compatibility; only iterative solvers use it and cholesky is direct',
    default: 1e-4,
    float: { min: 0 },
  },
];

/** Ridge regression, as scikit-learn's Ridge with solver="cholesky". */
export class Ridge extends LinearRegressorBase {
  readonly modelType = MODEL_TYPE;

  protected learn(X: Matrix, y: Float64Array): LinearRegressorFit {
    const problem = centreProblem(X, y, 1, this.params.fit_intercept as boolean);
    return { weights: packCentredSolution(problem, ridgeCoefficients(problem, this.params.alpha as number)), facts: {} };
  }
}

export const ridgeSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: ['ridge_regression'],
  taskType: 'regression',
  family: 'linear',
  description: 'Least squares with an L2 penalty, solved exactly by Cholesky (primal or dual, whichever is smaller)',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: ridgeHyperparameters,
  create: (params) => new Ridge(params),
  restore: (state) => new Ridge(resolveHyperparameters(MODEL_TYPE, ridgeHyperparameters, state.params)).loadState(state.fitted),
};
