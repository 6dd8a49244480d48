import { createMatrix, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import type { Classifier, FeatureImportance, FitContext, Regressor } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import { checkRegressionTargets } from '../estimator/input-checks.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import { treeFromState, treeToState, type FlatTree } from '../tree/flat-tree.js';
import { checkClasses, mostProbableClass } from '../tree/tree-model.js';
import { gainImportances, gradientBoostingImportances } from '../tree/impurity-importance.js';
import { boost, boostedRaw, type BoostedTrees, type BoostPlan } from './booster.js';
import { logLossFor, SquaredErrorLoss, type BoostingLoss } from './losses.js';

/**
 * How a booster reports feature_importances_: scikit-learn GradientBoosting's mean decrease per
 * tree, XGBoost's mean gain per split ('gain'), or the total gain (LightGBM's 'gain').
 */
export type BoosterImportance = 'gradient_boosting' | 'gain' | 'total_gain';

/** What tells one booster from another: its name, hyperparameters, loss and how it grows trees. */
export interface BoosterDefinition {
  modelType: string;
  hyperparameters: readonly HyperparameterDef[];
  importance: BoosterImportance;
  /** The loss to fit: nClasses classes, or null for regression. */
  loss(params: ResolvedParams, nClasses: number | null): BoostingLoss;
  plan(params: ResolvedParams, nRows: number, nFeatures: number, nClasses: number | null): BoostPlan;
}

interface FittedBooster extends BoostedTrees {
  nFeatures: number;
  /** 0 for a regressor. */
  nClasses: number;
  importances: Float64Array;
}

/** Everything a fitted booster does whatever its algorithm: raw scores, importances, save and restore. */
abstract class BoostedModel {
  readonly params: ResolvedParams;
  private fitted: FittedBooster | null = null;

  constructor(
    private readonly definition: BoosterDefinition,
    params: Record<string, unknown>,
  ) {
    this.params = resolveHyperparameters(definition.modelType, definition.hyperparameters, params);
  }

  get modelType(): string {
    return this.definition.modelType;
  }

  /** Iterations the fit ran: fewer than asked for when early stopping ended it. */
  get nIterations(): number {
    return this.state().nIterations;
  }

  featureImportance(): FeatureImportance {
    return { method: 'feature_importances_', values: this.state().importances.slice() };
  }

  toState(): ModelState {
    const { nFeatures, nClasses, importances, baseline, trees, treesPerIteration, nIterations } = this.state();
    return {
      modelType: this.modelType,
      params: { ...this.params },
      fitted: { nFeatures, nClasses, importances, baseline, treesPerIteration, nIterations, trees: trees.map(treeToState) },
    };
  }

  /** Loads the fitted part of a toState() snapshot: how the model's ModelSpec restores it. */
  restoreFitted(state: ModelState): this {
    if (state.modelType !== this.modelType) {
      throw new Error(`model state is a ${state.modelType}, not a ${this.modelType}`);
    }
    const { nFeatures, nClasses, importances, baseline, treesPerIteration, nIterations, trees } = state.fitted;
    const wellFormed =
      typeof nFeatures === 'number' &&
      typeof nClasses === 'number' &&
      typeof treesPerIteration === 'number' &&
      typeof nIterations === 'number' &&
      importances instanceof Float64Array &&
      importances.length === nFeatures &&
      baseline instanceof Float64Array &&
      Array.isArray(trees);
    if (!wellFormed) throw new Error('malformed booster state');
    const restored = trees.map((tree: StateValue) => treeFromState(tree, nFeatures));
    const nOutputs = baseline.length;
    if (restored.some((tree) => tree.nOutputs !== 1 && tree.nOutputs !== nOutputs)) {
      throw new Error('booster trees disagree with its outputs');
    }
    this.fitted = { nFeatures, nClasses, importances, baseline, trees: restored, treesPerIteration, nIterations };
    return this;
  }

  protected fitBooster(X: Matrix, target: ArrayLike<number>, nClasses: number | null, ctx: FitContext | undefined): void {
    if (X.nRows !== target.length) {
      throw new InvalidTrainingDataError(`X has ${X.nRows} rows but y has ${target.length} values`);
    }
    if (X.nRows === 0 || X.nCols === 0) throw new InvalidTrainingDataError('cannot fit a booster on an empty matrix');
    this.fitted = null;
    const { definition, params } = this;
    const loss = definition.loss(params, nClasses);
    const model = boost(X, target, loss, definition.plan(params, X.nRows, X.nCols, nClasses), ctx);
    this.fitted = {
      ...model,
      nFeatures: X.nCols,
      nClasses: nClasses ?? 0,
      importances: importancesOf(definition.importance, model.trees, X.nCols),
    };
  }

  /** Raw scores for X (nRows x outputs), through the loss's link: values, or class probabilities. */
  protected outputs(X: Matrix): Float64Array {
    const fitted = this.state();
    if (X.nCols !== fitted.nFeatures) {
      throw new RangeError(`${this.modelType} was fitted on ${fitted.nFeatures} features, got ${X.nCols}`);
    }
    const link = fitted.nClasses === 0 ? new SquaredErrorLoss() : logLossFor(fitted.nClasses);
    return link.toOutput(boostedRaw(fitted, X), X.nRows);
  }

  protected state(): FittedBooster {
    if (!this.fitted) throw new NotFittedError(this.modelType);
    return this.fitted;
  }
}

function importancesOf(kind: BoosterImportance, trees: readonly FlatTree[], nFeatures: number): Float64Array {
  if (kind === 'gradient_boosting') return gradientBoostingImportances(trees, nFeatures);
  return gainImportances(trees, nFeatures, kind === 'gain');
}

export class BoostedClassifier extends BoostedModel implements Classifier {
  readonly task = 'classification' as const;

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx?: FitContext): this {
    checkClasses(this.modelType, y, nClasses);
    this.fitBooster(X, y, nClasses, ctx);
    return this;
  }

  predictProba(X: Matrix): Matrix {
    return createMatrix(X.nRows, this.state().nClasses, this.outputs(X));
  }

  predict(X: Matrix): Int32Array {
    return mostProbableClass(this.predictProba(X));
  }
}

export class BoostedRegressor extends BoostedModel implements Regressor {
  readonly task = 'regression' as const;

  fit(X: Matrix, y: Float64Array, ctx?: FitContext): this {
    checkRegressionTargets(this.modelType, y);
    this.fitBooster(X, y, null, ctx);
    return this;
  }

  predict(X: Matrix): Float64Array {
    return this.outputs(X);
  }
}
