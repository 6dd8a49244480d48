import { createMatrix, type Matrix } from '../core/matrix.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { TrainingClasses } from '../estimator/training-classes.js';
import { NaiveBayesBase, type NaiveBayesTables } from './naive-bayes-base.js';

const MODEL_TYPE = 'gaussian_naive_bayes';

/** scikit-learn 1.2 GaussianNB's var_smoothing (its `priors` takes an array, which the API does not). */
export const gaussianNbHyperparameters: readonly HyperparameterDef[] = [
  {
    name: 'var_smoothing',
    description: 'Fraction of the largest feature variance added to every variance, for stability',
    default: 1e-9,
    float: { min: 0 },
  },
];

const TABLES = ['theta', 'variance', 'classPrior'] as const;

/**
 * Gaussian naive Bayes, as scikit-learn's GaussianNB: per class and feature a mean and a variance
 * (population variance plus var_smoothing x the largest variance of any feature over all rows),
 * class priors from the class frequencies.
 */
export class GaussianNaiveBayes extends NaiveBayesBase {
  readonly modelType = MODEL_TYPE;

  protected learn(X: Matrix, classes: TrainingClasses): NaiveBayesTables {
    const { nRows: n, nCols: p } = X;
    const k = classes.classIndices.length;
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) counts[classes.y[i]]++;
    const theta = new Float64Array(k * p);
    const variance = new Float64Array(k * p);
    let largestVariance = 0;
    for (let j = 0; j < p; j++) {
      const column = X.data.subarray(j * n, (j + 1) * n);
      largestVariance = Math.max(largestVariance, populationVariance(column, null, 0, n));
      for (let c = 0; c < k; c++) {
        theta[c * p + j] = classMean(column, classes.y, c, counts[c]);
        variance[c * p + j] = populationVariance(column, classes.y, c, counts[c]);
      }
    }
    const epsilon = (this.params.var_smoothing as number) * largestVariance;
    for (let cell = 0; cell < variance.length; cell++) variance[cell] += epsilon;
    return { theta, variance, classPrior: counts.map((count) => count / n) };
  }

  protected jointLogLikelihood(X: Matrix, tables: NaiveBayesTables, k: number): Matrix {
    const { theta, variance, classPrior } = tables;
    const { nRows: n, nCols: p } = X;
    const jll = createMatrix(n, k);
    for (let c = 0; c < k; c++) {
      let logNormaliser = 0;
      for (let j = 0; j < p; j++) logNormaliser += Math.log(2 * Math.PI * variance[c * p + j]);
      const out = jll.data.subarray(c * n, (c + 1) * n);
      for (let j = 0; j < p; j++) {
        const mean = theta[c * p + j];
        const v = variance[c * p + j];
        for (let i = 0; i < n; i++) {
          const diff = X.data[j * n + i] - mean;
          out[i] += (diff * diff) / v;
        }
      }
      const constant = Math.log(classPrior[c]) - 0.5 * logNormaliser;
      for (let i = 0; i < n; i++) out[i] = constant - 0.5 * out[i];
    }
    return jll;
  }
}

/** Mean of the rows of class c (all rows when labels is null). */
function classMean(column: Float64Array, labels: Int32Array | null, c: number, count: number): number {
  let total = 0;
  for (let i = 0; i < column.length; i++) if (labels === null || labels[i] === c) total += column[i];
  return total / count;
}

/** np.var: the mean of squared deviations from the mean, over the rows of class c (all when labels is null). */
function populationVariance(column: Float64Array, labels: Int32Array | null, c: number, count: number): number {
  const rows = labels === null ? column.length : count;
  const mean = classMean(column, labels, c, rows);
  let total = 0;
  for (let i = 0; i < column.length; i++) {
    if (labels === null || labels[i] === c) total += (column[i] - mean) ** 2;
  }
  return total / rows;
}

export const gaussianNaiveBayesSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: ['naive_bayes', 'gaussian_nb'],
  taskType: 'classification',
  family: 'naive_bayes',
  description: 'Gaussian naive Bayes: a normal distribution per class and feature, class priors from frequencies',
  importanceMethod: null,
  needsScaling: false,
  hyperparameters: gaussianNbHyperparameters,
  create: (params) => new GaussianNaiveBayes(params),
  restore: (state) =>
    new GaussianNaiveBayes(resolveHyperparameters(MODEL_TYPE, gaussianNbHyperparameters, state.params)).loadState(
      state.fitted,
      TABLES,
    ),
};
