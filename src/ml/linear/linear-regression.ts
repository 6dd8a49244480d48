import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { FeatureImportance, FitContext, Regressor } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { coefficientImportance } from '../inspection/coefficient-importance.js';
import { dot, sum } from '../kernels/blas1.js';
import { checkFeatureCount, checkRegressionTargets, checkTrainingMatrix } from '../estimator/input-checks.js';
import { leastSquares } from './least-squares.js';
import { featureCountOf, linearDecision, type PackedWeights } from './linear-decision.js';
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

interface LinearFit {
  weights: PackedWeights;
  /**
   * Numerical rank of the (centred) design; below nFeatures the minimum-norm solution was taken.
   * Null for positive=true, whose active-set solver has no single rank (as scikit-learn's rank_).
   */
  rank: number | null;
}

/**
 * Ordinary least squares, as scikit-learn's LinearRegression: centre X and y when fitting an
 * intercept, solve for the coefficients (minimum-norm when X is rank deficient, or non-negative
 * with positive=true), then intercept = mean(y) - mean(X) . coef.
 */
export class LinearRegression implements Regressor {
  readonly modelType = MODEL_TYPE;
  readonly task = 'regression';
  private fitted: LinearFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  fit(X: Matrix, y: Float64Array, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkRegressionTargets(MODEL_TYPE, y);
    const { nRows: n, nCols: p } = X;
    const fitIntercept = this.params.fit_intercept as boolean;
    const xMean = new Float64Array(p);
    let yMean = 0;
    if (fitIntercept) {
      for (let j = 0; j < p; j++) xMean[j] = sum(n, X.data, j * n, 1) / n;
      yMean = sum(n, y, 0, 1) / n;
    }
    const design = new Float64Array(n * p);
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) design[j * n + i] = X.data[j * n + i] - xMean[j];
    const target = y.map((value) => value - yMean);

    let coef: Float64Array;
    let rank: number | null = null;
    if (this.params.positive === true) coef = nonNegativeLeastSquares(design, n, p, target);
    else ({ coef, rank } = leastSquares(design, n, p, target));

    const values = new Float64Array(p + (fitIntercept ? 1 : 0));
    values.set(coef);
    if (fitIntercept) values[p] = yMean - dot(p, xMean, 0, 1, coef, 0, 1);
    this.fitted = { weights: { values, nOutputs: 1, stride: values.length, hasIntercept: fitIntercept }, rank };
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const { weights } = this.requireFitted();
    checkFeatureCount(MODEL_TYPE, X, featureCountOf(weights));
    return linearDecision(X, weights);
  }

  featureImportance(): FeatureImportance {
    const { weights } = this.requireFitted();
    return coefficientImportance(weights.values, 1, featureCountOf(weights), weights.stride);
  }

  toState(): ModelState {
    const { weights, rank } = this.requireFitted();
    return {
      modelType: MODEL_TYPE,
      params: { ...this.params },
      fitted: { weights: weights.values, hasIntercept: weights.hasIntercept, rank },
    };
  }

  static fromState(state: ModelState): LinearRegression {
    const model = new LinearRegression(
      resolveHyperparameters(MODEL_TYPE, linearRegressionHyperparameters, state.params),
    );
    const { weights, hasIntercept, rank } = state.fitted;
    if (
      !(weights instanceof Float64Array) ||
      typeof hasIntercept !== 'boolean' ||
      (rank !== null && typeof rank !== 'number')
    ) {
      throw new Error(`${MODEL_TYPE} state is missing its weights`);
    }
    model.fitted = { weights: { values: weights, nOutputs: 1, stride: weights.length, hasIntercept }, rank };
    return model;
  }

  private requireFitted(): LinearFit {
    if (!this.fitted) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
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
  restore: (state) => LinearRegression.fromState(state),
};
