import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { FeatureImportance, FitContext, Regressor } from '../estimator/estimator.js';
import type { ResolvedParams } from '../estimator/hyperparameters.js';
import { checkFeatureCount, checkRegressionTargets, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import { coefficientImportance } from '../inspection/coefficient-importance.js';
import { featureCountOf, linearDecision, type PackedWeights } from './linear-decision.js';

/** What a linear regressor's fit produces: its weights and any facts about the fit worth saving. */
export interface LinearRegressorFit {
  weights: PackedWeights;
  facts: { [key: string]: StateValue };
}

/**
 * Everything single-output linear regressors share once fitted: predictions X . coef + intercept,
 * |coef| importance and the saved state. Subclasses only say how the weights are learned.
 */
export abstract class LinearRegressorBase implements Regressor {
  abstract readonly modelType: string;
  readonly task = 'regression';
  protected fitted: LinearRegressorFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  protected abstract learn(X: Matrix, y: Float64Array, ctx: FitContext): LinearRegressorFit;

  fit(X: Matrix, y: Float64Array, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(this.modelType, X, y.length);
    checkRegressionTargets(this.modelType, y);
    this.fitted = this.learn(X, y, ctx);
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const { weights } = this.requireFitted();
    checkFeatureCount(this.modelType, X, featureCountOf(weights));
    return linearDecision(X, weights);
  }

  featureImportance(): FeatureImportance {
    const { weights } = this.requireFitted();
    return coefficientImportance(weights.values, 1, featureCountOf(weights), weights.stride);
  }

  toState(): ModelState {
    const { weights, facts } = this.requireFitted();
    return {
      modelType: this.modelType,
      params: { ...this.params },
      fitted: { weights: weights.values, hasIntercept: weights.hasIntercept, ...facts },
    };
  }

  /** Takes the fitted part of a saved state (see toState); `factNames` are the facts to keep. */
  loadState(fitted: ModelState['fitted'], factNames: readonly string[] = []): this {
    const { weights, hasIntercept } = fitted;
    if (!(weights instanceof Float64Array) || typeof hasIntercept !== 'boolean') {
      throw new Error(`${this.modelType} state is missing its weights`);
    }
    const facts: LinearRegressorFit['facts'] = {};
    for (const name of factNames) facts[name] = fitted[name] ?? null;
    this.fitted = { weights: { values: weights, nOutputs: 1, stride: weights.length, hasIntercept }, facts };
    return this;
  }

  protected requireFitted(): LinearRegressorFit {
    if (!this.fitted) throw new NotFittedError(this.modelType);
    return this.fitted;
  }
}
