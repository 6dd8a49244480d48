import { TreeClassifierModel, TreeRegressorModel, treeModelSpec } from '../tree/tree-model.js';
import { forestDefinition, type ForestKind } from './forest.js';

/** scikit-learn's ExtraTrees: no bootstrap by default, and one random threshold per feature at each split. */
const EXTRA_TREES: ForestKind = { bootstrapDefault: false, splitter: 'random' };

const CLASSIFIER = forestDefinition('extra_trees_classifier', 'classification', EXTRA_TREES);
const REGRESSOR = forestDefinition('extra_trees_regressor', 'regression', EXTRA_TREES);

/** Extremely randomised trees voting by mean probability (scikit-learn's ExtraTreesClassifier). */
export class ExtraTreesClassifier extends TreeClassifierModel {
  constructor(params: Record<string, unknown> = {}) {
    super(CLASSIFIER, params);
  }
}

/** Extremely randomised regression trees, predicting their mean (scikit-learn's ExtraTreesRegressor). */
export class ExtraTreesRegressor extends TreeRegressorModel {
  constructor(params: Record<string, unknown> = {}) {
    super(REGRESSOR, params);
  }
}

export const extraTreesClassifierSpec = treeModelSpec(CLASSIFIER, ExtraTreesClassifier, {
  family: 'ensemble',
  description:
    'Extra trees: a forest whose splits use one random threshold per candidate feature, on all rows by ' +
    'default; more randomness than a random forest, often less variance.',
});

export const extraTreesRegressorSpec = treeModelSpec(REGRESSOR, ExtraTreesRegressor, {
  family: 'ensemble',
  description: 'Extra trees for regression: randomly thresholded trees on all rows, predicting their mean.',
});
