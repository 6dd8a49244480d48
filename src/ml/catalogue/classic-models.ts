import type { ModelSpec } from '../estimator/model-spec.js';
import { elasticNetSpec, lassoSpec } from '../linear/elastic-net.js';
import { linearRegressionSpec } from '../linear/linear-regression.js';
import { logisticRegressionSpec } from '../linear/logistic-regression.js';
import { ridgeClassifierSpec } from '../linear/ridge-classifier.js';
import { ridgeSpec } from '../linear/ridge.js';
import { sgdClassifierSpec } from '../linear/sgd-classifier.js';
import { sgdRegressorSpec } from '../linear/sgd-regressor.js';
import { bernoulliNaiveBayesSpec } from '../naive-bayes/bernoulli-nb.js';
import { gaussianNaiveBayesSpec } from '../naive-bayes/gaussian-nb.js';
import { multinomialNaiveBayesSpec } from '../naive-bayes/multinomial-nb.js';
import { knnClassifierSpec } from '../neighbors/knn-classifier.js';
import { knnRegressorSpec } from '../neighbors/knn-regressor.js';
import { mlpClassifierSpec } from '../neural/mlp-classifier.js';
import { mlpRegressorSpec } from '../neural/mlp-regressor.js';
import { svcSpec } from '../svm/svc.js';
import { svrSpec } from '../svm/svr.js';

/** Linear models, neighbours, SVMs, naive Bayes and neural networks, in the catalogue order. */
export const CLASSIC_MODEL_SPECS: readonly ModelSpec[] = [
  logisticRegressionSpec,
  sgdClassifierSpec,
  ridgeClassifierSpec,
  svcSpec,
  knnClassifierSpec,
  gaussianNaiveBayesSpec,
  multinomialNaiveBayesSpec,
  bernoulliNaiveBayesSpec,
  mlpClassifierSpec,
  linearRegressionSpec,
  ridgeSpec,
  lassoSpec,
  elasticNetSpec,
  sgdRegressorSpec,
  svrSpec,
  knnRegressorSpec,
  mlpRegressorSpec,
];
