import { TreeClassifierModel, TreeRegressorModel, treeModelSpec } from '../tree/tree-model.js';
import { forestDefinition, type ForestKind } from './forest.js';

const RANDOM_FOREST: ForestKind = { bootstrapDefault: true, splitter: 'best' };

const CLASSIFIER = forestDefinition('random_forest_classifier', 'classification', RANDOM_FOREST);
const REGRESSOR = forestDefinition('random_forest_regressor', 'regression', RANDOM_FOREST);

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

export const randomForestClassifierSpec = treeModelSpec(CLASSIFIER, RandomForestClassifier, {
  family: 'ensemble',
  description:
    'A random forest: many decision trees on bootstrap samples with random feature subsets, ' +
    'voting by mean probability.',
});

export const randomForestRegressorSpec = treeModelSpec(REGRESSOR, RandomForestRegressor, {
  family: 'ensemble',
  description: 'A random forest of regression trees on bootstrap samples, predicting their mean.',
});
