import type { Matrix } from '../core/matrix.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { centreProblem, packCentredSolution } from './centering.js';
import { leastSquares } from './least-squares.js';
import { LinearRegressorBase, type LinearRegressorFit } from './linear-regressor-base.js';
import { nonNegativeLeastSquares } from './nnls.js';

const MODEL_TYPE = 'linear_regression';

export const linearRegressionHyperparameters: readonly HyperparameterDef[] = [
  { name: 'fit_intercept', description: 'Learn an intercept (the data is centred first)', default: true, bool: true },
  {
    name: 'positive',
    description: 'Constrain every coefficient to be >= 0 (non-negative least squares)',
    default: false,
    bool: true,
  },
];

/**
 * Ordinary least squares, as scikit-learn's LinearRegression: centre X and y when fitting an
 * intercept, solve for the coefficients (minimum-norm when X is rank deficient, or non-negative
 * with positive=true), then intercept = mean(y) - mean(X) . coef.
 */
export class LinearRegression extends LinearRegressorBase {
  readonly modelType = MODEL_TYPE;

  protected learn(X: Matrix, y: Float64Array): LinearRegressorFit {
    const problem = centreProblem(X, y, 1, this.params.fit_intercept as boolean);
    const { design, targets, nRows: n, nCols: p } = problem;
    let coef: Float64Array;
    // Numerical rank of the centred design; null for positive=true, whose active-set solver has
    // no single rank (as scikit-learn's rank_).
    let rank: number | null = null;
    if (this.params.positive === true) coef = nonNegativeLeastSquares(design, n, p, targets);
    else ({ coef, rank } = leastSquares(design, n, p, targets));
    return { weights: packCentredSolution(problem, coef), facts: { rank } };
  }
}

export const linearRegressionSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'regression',
  family: 'linear',
  description: 'Ordinary least squares (minimum-norm when features are collinear; optionally non-negative)',
  importanceMethod: 'coef_',
  needsScaling: false,
  hyperparameters: linearRegressionHyperparameters,
  create: (params) => new LinearRegression(params),
  restore: (state) =>
    new LinearRegression(resolveHyperparameters(MODEL_TYPE, linearRegressionHyperparameters, state.params)).loadState(
      state.fitted,
      ['rank'],
    ),
};
