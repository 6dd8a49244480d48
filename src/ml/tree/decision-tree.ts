import { SPLITTER_DEF, growthLimits, seedOf, treeHyperparameters, type TreeTask } from './tree-params.js';
import { TreeClassifierModel, TreeRegressorModel, treeModelSpec, type TreeModelDefinition } from './tree-model.js';

function decisionTreeDefinition(modelType: string, task: TreeTask): TreeModelDefinition {
  return {
    modelType,
    hyperparameters: [...treeHyperparameters(task, null), SPLITTER_DEF],
    plan: (params, nRows, nFeatures) => ({
      nTrees: 1,
      seed: seedOf(params.random_state),
      maxBins: params.max_bins as number,
      limits: growthLimits(params, nRows, nFeatures),
      nThreads: 1,
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

export const decisionTreeClassifierSpec = treeModelSpec(CLASSIFIER, DecisionTreeClassifier, {
  family: 'tree',
  description:
    'A single CART decision tree: interpretable splits on feature thresholds, prone to overfit when grown fully.',
});

export const decisionTreeRegressorSpec = treeModelSpec(REGRESSOR, DecisionTreeRegressor, {
  family: 'tree',
  description: 'A single CART regression tree predicting the mean target of each leaf.',
});
