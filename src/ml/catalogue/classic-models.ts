import type { ModelSpec } from '../estimator/model-spec.js';
import { linearRegressionSpec } from '../linear/linear-regression.js';
import { logisticRegressionSpec } from '../linear/logistic-regression.js';
import { knnClassifierSpec } from '../neighbors/knn-classifier.js';

/** Linear models, neighbours, SVMs, naive Bayes and neural networks. */
export const CLASSIC_MODEL_SPECS: readonly ModelSpec[] = [logisticRegressionSpec, knnClassifierSpec, linearRegressionSpec];
