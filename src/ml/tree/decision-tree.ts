import type { ModelSpec } from '../estimator/model-spec.js';
import { growthLimits, seedOf, treeHyperparameters, type TreeTask } from './tree-params.js';
import { TreeClassifierModel, TreeRegressorModel, type TreeModelDefinition } from './tree-model.js';

function decisionTreeDefinition(modelType: string, task: TreeTask): TreeModelDefinition {
  return {
    modelType,
    hyperparameters: treeHyperparameters(task, null),
    plan: (params, nRows, nFeatures) => ({
      nTrees: 1,
      seed: seedOf(params.random_state),
      maxBins: params.max_bins as number,
      limits: growthLimits(params, nRows, nFeatures),
    }),
  };
}

const CLASSIFIER = decisionTreeDefinition('decision_tree_classifier', 'classification');
const REGRESSOR = decisionTreeDefinition('decision_tree_regressor', 'regression');

/** A CART classification tree (scikit-learn's DecisionTreeClassifier). */
export class DecisionTreeClassifier extends TreeClassifierModel {
  constructor(params: Record<string, unknown> = {}) {
    super(CLASSIFIER, params);
  }
}

/** A CART regression tree (scikit-learn's DecisionTreeRegressor). */
export class DecisionTreeRegressor extends TreeRegressorModel {
  constructor(params: Record<string, unknown> = {}) {
    super(REGRESSOR, params);
  }
}

export const decisionTreeClassifierSpec: ModelSpec = {
  modelType: CLASSIFIER.modelType,
  aliases: [],
  taskType: 'classification',
  family: 'tree',
  description:
    'A single CART decision tree: interpretable splits on feature thresholds, prone to overfit when grown fully.',
  importanceMethod: 'feature_importances_',
  needsScaling: false,
  hyperparameters: CLASSIFIER.hyperparameters,
  create: (params) => new DecisionTreeClassifier(params),
  restore: (state) => new DecisionTreeClassifier(state.params).restoreFitted(state),
};

export const decisionTreeRegressorSpec: ModelSpec = {
  modelType: REGRESSOR.modelType,
  aliases: [],
  taskType: 'regression',
  family: 'tree',
  description: 'A single CART regression tree predicting the mean target of each leaf.',
  importanceMethod: 'feature_importances_',
  needsScaling: false,
  hyperparameters: REGRESSOR.hyperparameters,
  create: (params) => new DecisionTreeRegressor(params),
  restore: (state) => new DecisionTreeRegressor(state.params).restoreFitted(state),
};
