import type { ModelSpec } from '../estimator/model-spec.js';
import { randomForestClassifierSpec, randomForestRegressorSpec } from '../ensemble/random-forest.js';
import { decisionTreeClassifierSpec, decisionTreeRegressorSpec } from '../tree/decision-tree.js';

/** Every model built on the histogram tree core. */
export const TREE_MODEL_SPECS: readonly ModelSpec[] = [
  decisionTreeClassifierSpec,
  randomForestClassifierSpec,
  decisionTreeRegressorSpec,
  randomForestRegressorSpec,
];
