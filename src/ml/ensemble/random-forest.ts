import { InvalidHyperparameterError } from '../estimator/errors.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { GrowPlan } from '../tree/tree-ensemble.js';
import { TreeClassifierModel, TreeRegressorModel, type TreeModelDefinition } from '../tree/tree-model.js';
import { countOf, growthLimits, seedOf, treeHyperparameters, type TreeTask } from '../tree/tree-params.js';
import { bootstrapCounts } from './bootstrap.js';

function forestHyperparameters(task: TreeTask): HyperparameterDef[] {
  return [
    { name: 'n_estimators', description: 'Number of trees.', default: 100, int: { min: 1 } },
    // scikit-learn 1.2 defaults: sqrt(features) per split for classification, all of them for regression.
    ...treeHyperparameters(task, task === 'classification' ? 'sqrt' : 1),
    { name: 'bootstrap', description: 'Grow each tree on a bootstrap sample of the rows.', default: true, bool: true },
    {
      name: 'max_samples',
      description: 'Rows drawn per bootstrap: a count, a fraction of the rows (1 = all), or null for all.',
      default: null,
      int: { min: 1 },
      float: { min: 0, exclusiveMin: true, max: 1 },
      nullable: true,
    },
    {
      name: 'n_jobs',
      description: 'Accepted for scikit-learn compatibility; trees are grown one after the other for now.',
      default: null,
      int: {},
      nullable: true,
    },
  ];
}

function forestPlan(params: ResolvedParams, nRows: number, nFeatures: number): GrowPlan {
  const maxSamples = params.max_samples as number | null;
  if (!params.bootstrap && maxSamples !== null) {
    throw new InvalidHyperparameterError('max_samples', 'max_samples can only be set when bootstrap is true');
  }
  const plan: GrowPlan = {
    nTrees: params.n_estimators as number,
    seed: seedOf(params.random_state),
    maxBins: params.max_bins as number,
    limits: growthLimits(params, nRows, nFeatures),
  };
  if (!params.bootstrap) return plan;
  const nDraws = maxSamples === null ? nRows : Math.max(1, countOf(maxSamples, nRows, true, roundHalfEven));
  if (nDraws > nRows) {
    const message = `max_samples must be <= the ${nRows} training rows, got ${maxSamples}`;
    throw new InvalidHyperparameterError('max_samples', message);
  }
  return { ...plan, sampleWeights: (rng, n) => bootstrapCounts(rng, n, nDraws) };
}

/** Python's round(), which scikit-learn uses for a fractional max_samples. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

function forestDefinition(modelType: string, task: TreeTask): TreeModelDefinition {
  return { modelType, hyperparameters: forestHyperparameters(task), plan: forestPlan };
}

const CLASSIFIER = forestDefinition('random_forest_classifier', 'classification');
const REGRESSOR = forestDefinition('random_forest_regressor', 'regression');

/**
 * Bagged CART trees with per-split feature sampling; probabilities are the trees' mean
 * (scikit-learn's RandomForestClassifier).
 */
export class RandomForestClassifier extends TreeClassifierModel {
  constructor(params: Record<string, unknown> = {}) {
    super(CLASSIFIER, params);
  }
}

/** Bagged CART regression trees; the prediction is the trees' mean (scikit-learn's RandomForestRegressor). */
export class RandomForestRegressor extends TreeRegressorModel {
  constructor(params: Record<string, unknown> = {}) {
    super(REGRESSOR, params);
  }
}

export const randomForestClassifierSpec: ModelSpec = {
  modelType: CLASSIFIER.modelType,
  aliases: [],
  taskType: 'classification',
  family: 'ensemble',
  description:
    'A random forest: many decision trees on bootstrap samples with random feature subsets, ' +
    'voting by mean probability.',
  importanceMethod: 'feature_importances_',
  needsScaling: false,
  hyperparameters: CLASSIFIER.hyperparameters,
  create: (params) => new RandomForestClassifier(params),
  restore: (state) => new RandomForestClassifier(state.params).restoreFitted(state),
};

export const randomForestRegressorSpec: ModelSpec = {
  modelType: REGRESSOR.modelType,
  aliases: [],
  taskType: 'regression',
  family: 'ensemble',
  description: 'A random forest of regression trees on bootstrap samples, predicting their mean.',
  importanceMethod: 'feature_importances_',
  needsScaling: false,
  hyperparameters: REGRESSOR.hyperparameters,
  create: (params) => new RandomForestRegressor(params),
  restore: (state) => new RandomForestRegressor(state.params).restoreFitted(state),
};
