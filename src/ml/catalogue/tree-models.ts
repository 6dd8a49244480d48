import { catboostClassifierSpec, catboostRegressorSpec } from '../boosting/catboost.js';
import { gradientBoostingClassifierSpec, gradientBoostingRegressorSpec } from '../boosting/gradient-boosting.js';
import {
  histGradientBoostingClassifierSpec,
  histGradientBoostingRegressorSpec,
} from '../boosting/hist-gradient-boosting.js';
import { lightgbmClassifierSpec, lightgbmRegressorSpec } from '../boosting/lightgbm.js';
import { xgboostClassifierSpec, xgboostRegressorSpec } from '../boosting/xgboost.js';
import { adaBoostClassifierSpec } from '../ensemble/ada-boost.js';
import { adaBoostRegressorSpec } from '../ensemble/ada-boost-regressor.js';
import { extraTreesClassifierSpec, extraTreesRegressorSpec } from '../ensemble/extra-trees.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { randomForestClassifierSpec, randomForestRegressorSpec } from '../ensemble/random-forest.js';
import { decisionTreeClassifierSpec, decisionTreeRegressorSpec } from '../tree/decision-tree.js';

/** Every model built on the histogram tree core: trees, forests and boosters. */
export const TREE_MODEL_SPECS: readonly ModelSpec[] = [
  decisionTreeClassifierSpec,
  randomForestClassifierSpec,
  extraTreesClassifierSpec,
  gradientBoostingClassifierSpec,
  histGradientBoostingClassifierSpec,
  adaBoostClassifierSpec,
  xgboostClassifierSpec,
  lightgbmClassifierSpec,
  catboostClassifierSpec,
  decisionTreeRegressorSpec,
  randomForestRegressorSpec,
  extraTreesRegressorSpec,
  gradientBoostingRegressorSpec,
  histGradientBoostingRegressorSpec,
  adaBoostRegressorSpec,
  xgboostRegressorSpec,
  lightgbmRegressorSpec,
  catboostRegressorSpec,
];
