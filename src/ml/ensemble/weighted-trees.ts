import type { Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { FeatureImportance } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import { treeFromState, treeToState, type FlatTree } from '../tree/flat-tree.js';
import { weightedImportances } from '../tree/impurity-importance.js';

/** A fitted AdaBoost ensemble: its trees and how much each one counts. */
export interface WeightedTrees {
  nFeatures: number;
  trees: FlatTree[];
  estimatorWeights: Float64Array;
  importances: Float64Array;
}

/**
 * What both AdaBoost models share: their options, the fitted trees with their weights, the
 * importances (each tree's normalised importances, weighted by its estimator weight), and the
 * saved state.
 */
export abstract class WeightedTreesModel {
  readonly params: ResolvedParams;
  private fitted: WeightedTrees | null = null;

  constructor(
    readonly modelType: string,
    hyperparameters: readonly HyperparameterDef[],
    params: Record<string, unknown>,
  ) {
    this.params = resolveHyperparameters(modelType, hyperparameters, params);
  }

  featureImportance(): FeatureImportance {
    return { method: 'feature_importances_', values: this.state().importances.slice() };
  }

  toState(): ModelState {
    const { nFeatures, trees, estimatorWeights, importances } = this.state();
    return {
      modelType: this.modelType,
      params: { ...this.params },
      fitted: { nFeatures, estimatorWeights, importances, trees: trees.map(treeToState) },
    };
  }

  restoreFitted(state: ModelState): this {
    if (state.modelType !== this.modelType) {
      throw new Error(`model state is a ${state.modelType}, not a ${this.modelType}`);
    }
    const { nFeatures, estimatorWeights, importances, trees } = state.fitted;
    const wellFormed =
      typeof nFeatures === 'number' &&
      estimatorWeights instanceof Float64Array &&
      importances instanceof Float64Array &&
      importances.length === nFeatures &&
      Array.isArray(trees) &&
      trees.length > 0 &&
      trees.length === estimatorWeights.length;
    if (!wellFormed) throw new Error('malformed AdaBoost state');
    this.fitted = {
      nFeatures,
      estimatorWeights,
      importances,
      trees: trees.map((tree: StateValue) => treeFromState(tree, nFeatures)),
    };
    return this;
  }

  protected setFitted(nFeatures: number, trees: FlatTree[], estimatorWeights: number[]): void {
    const weights = Float64Array.from(estimatorWeights);
    const importances = weightedImportances(trees, weights, nFeatures);
    this.fitted = { nFeatures, trees, estimatorWeights: weights, importances };
  }

  protected clearFitted(): void {
    this.fitted = null;
  }

  /** The fitted ensemble, checked against X's width. */
  protected fittedFor(X: Matrix): WeightedTrees {
    const fitted = this.state();
    if (X.nCols !== fitted.nFeatures) {
      throw new RangeError(`${this.modelType} was fitted on ${fitted.nFeatures} features, got ${X.nCols}`);
    }
    return fitted;
  }

  private state(): WeightedTrees {
    if (!this.fitted) throw new NotFittedError(this.modelType);
    return this.fitted;
  }
}
