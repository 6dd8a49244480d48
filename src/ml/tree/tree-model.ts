import type { Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { checkClassLabels, checkRegressionTargets } from '../estimator/input-checks.js';
import type { Classifier, FeatureImportance, FitContext, Regressor } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import type { CriterionRecipe } from './criterion-recipe.js';
import { treeFromState, treeToState, type FlatTree } from './flat-tree.js';
import { meanImportances } from './impurity-importance.js';
import { growTrees, meanTreeOutputs, type GrowPlan } from './tree-ensemble.js';

/** What tells one tree model from another: its name, its hyperparameters and how it grows trees. */
export interface TreeModelDefinition {
  modelType: string;
  hyperparameters: readonly HyperparameterDef[];
  /** Checks between parameters that need no data; see ModelSpec.checkParams. */
  checkParams?(params: Readonly<ResolvedParams>): void;
  plan(params: ResolvedParams, nRows: number, nFeatures: number): GrowPlan;
}

interface FittedTrees {
  nFeatures: number;
  trees: FlatTree[];
  importances: Float64Array;
}

/**
 * Everything a fitted set of trees does, whether it is one decision tree or a forest: predict by
 * averaging the trees, report impurity importances, save and restore.
 */
abstract class TreeModel {
  readonly params: ResolvedParams;
  private fitted: FittedTrees | null = null;

  constructor(
    private readonly definition: TreeModelDefinition,
    params: Record<string, unknown>,
  ) {
    this.params = resolveHyperparameters(definition.modelType, definition.hyperparameters, params);
  }

  get modelType(): string {
    return this.definition.modelType;
  }

  featureImportance(): FeatureImportance {
    return { method: 'feature_importances_', values: this.state().importances.slice() };
  }

  toState(): ModelState {
    const { nFeatures, trees, importances } = this.state();
    return {
      modelType: this.modelType,
      params: { ...this.params },
      fitted: { nFeatures, importances, trees: trees.map(treeToState) },
    };
  }

  /** Loads the fitted part of a toState() snapshot: how the model's ModelSpec restores it. */
  restoreFitted(state: ModelState): this {
    if (state.modelType !== this.modelType) {
      throw new Error(`model state is a ${state.modelType}, not a ${this.modelType}`);
    }
    const { nFeatures, importances, trees } = state.fitted;
    if (typeof nFeatures !== 'number' || !(importances instanceof Float64Array) || importances.length !== nFeatures) {
      throw new Error('malformed tree model state');
    }
    if (!Array.isArray(trees) || trees.length === 0) throw new Error('model state has no trees');
    const restored = trees.map((tree: StateValue) => treeFromState(tree, nFeatures));
    if (restored.some((tree) => tree.nOutputs !== restored[0].nOutputs)) throw new Error('trees disagree on outputs');
    this.fitted = { nFeatures, trees: restored, importances };
    return this;
  }

  protected fitTrees(
    X: Matrix,
    nTargets: number,
    recipe: CriterionRecipe,
    ctx: FitContext | undefined,
  ): void {
    if (X.nRows !== nTargets) throw new InvalidTrainingDataError(`X has ${X.nRows} rows but y has ${nTargets} values`);
    if (X.nRows === 0 || X.nCols === 0) throw new InvalidTrainingDataError('cannot fit trees on an empty matrix');
    this.fitted = null;
    const trees = growTrees(X, recipe, this.definition.plan(this.params, X.nRows, X.nCols), ctx);
    this.fitted = { nFeatures: X.nCols, trees, importances: meanImportances(trees, X.nCols) };
  }

  protected meanOutputs(X: Matrix): Matrix {
    const { nFeatures, trees } = this.state();
    if (X.nCols !== nFeatures) {
      throw new RangeError(`${this.modelType} was fitted on ${nFeatures} features, got ${X.nCols}`);
    }
    return meanTreeOutputs(trees, X);
  }

  private state(): FittedTrees {
    if (!this.fitted) throw new NotFittedError(this.modelType);
    return this.fitted;
  }
}

/** Labels must be class indices 0..nClasses-1 of at least one class. */
export function checkClasses(modelType: string, y: Int32Array, nClasses: number): void {
  if (!Number.isInteger(nClasses) || nClasses < 1) throw new InvalidTrainingDataError(`invalid class count ${nClasses}`);
  checkClassLabels(modelType, y, nClasses);
}

/** The most probable class of every row of a probability matrix; a tie goes to the lowest class, like numpy's argmax. */
export function mostProbableClass(proba: Matrix): Int32Array {
  const { nRows, nCols, data } = proba;
  const labels = new Int32Array(nRows);
  for (let row = 0; row < nRows; row++) {
    let best = 0;
    for (let k = 1; k < nCols; k++) if (data[k * nRows + row] > data[best * nRows + row]) best = k;
    labels[row] = best;
  }
  return labels;
}

export class TreeClassifierModel extends TreeModel implements Classifier {
  readonly task = 'classification' as const;

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx?: FitContext): this {
    checkClasses(this.modelType, y, nClasses);
    const impurity = this.params.criterion === 'gini' ? 'gini' : 'entropy';
    this.fitTrees(X, y.length, { kind: 'classification', y, nClasses, impurity }, ctx);
    return this;
  }

  predictProba(X: Matrix): Matrix {
    return this.meanOutputs(X);
  }

  predict(X: Matrix): Int32Array {
    return mostProbableClass(this.meanOutputs(X));
  }
}

export class TreeRegressorModel extends TreeModel implements Regressor {
  readonly task = 'regression' as const;

  fit(X: Matrix, y: Float64Array, ctx?: FitContext): this {
    checkRegressionTargets(this.modelType, y);
    this.fitTrees(X, y.length, { kind: 'squared_error', y }, ctx);
    return this;
  }

  predict(X: Matrix): Float64Array {
    return this.meanOutputs(X).data;
  }
}

/** The catalogue facts a tree model's ModelSpec adds to its definition. */
export interface TreeModelInfo {
  family: 'tree' | 'ensemble' | 'boosting';
  description: string;
  aliases?: readonly string[];
}

/** A model class the catalogue can build and restore: any tree model or booster. */
type RestorableModel = new (params: Record<string, unknown>) => (Classifier | Regressor) & {
  restoreFitted(state: ModelState): Classifier | Regressor;
};

/** The ModelSpec of a tree model class: its definition's name and hyperparameters, impurity importances, no scaling. */
export function treeModelSpec(
  definition: Pick<TreeModelDefinition, 'modelType' | 'hyperparameters' | 'checkParams'>,
  Model: RestorableModel,
  info: TreeModelInfo,
): ModelSpec {
  const taskType = new Model({}).task;
  return {
    modelType: definition.modelType,
    aliases: info.aliases ?? [],
    taskType,
    family: info.family,
    description: info.description,
    importanceMethod: 'feature_importances_',
    needsScaling: false,
    hyperparameters: definition.hyperparameters,
    checkParams: definition.checkParams,
    create: (params) => new Model(params),
    restore: (state) => new Model(acceptedParams(state.params)).restoreFitted(state),
  };
}

/**
 * A model file's hyperparameters as they are accepted now: files saved while min_samples_split took
 * 1 (grown as if given 2, as scikit-learn 1.2 did) load as the 2 they were grown with.
 */
function acceptedParams(params: Record<string, unknown>): Record<string, unknown> {
  return params.min_samples_split === 1 ? { ...params, min_samples_split: 2 } : params;
}
