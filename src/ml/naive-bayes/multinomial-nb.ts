import { createMatrix, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { TrainingClasses } from '../estimator/training-classes.js';
import {
  classFeatureCounts,
  classLogPrior,
  discreteNbHyperparameters,
  effectiveAlpha,
  linearLogLikelihood,
} from './discrete-nb.js';
import { NaiveBayesBase, type NaiveBayesTables } from './naive-bayes-base.js';

const MODEL_TYPE = 'multinomial_naive_bayes';
const TABLES = ['featureLogProb', 'classLogPrior'] as const;

/**
 * Multinomial naive Bayes for counts or frequencies, as scikit-learn's MultinomialNB:
 * log P(feature j | c) = log((N_cj + alpha) / (N_c + alpha p)), the joint log-likelihood linear in x.
 */
export class MultinomialNaiveBayes extends NaiveBayesBase {
  readonly modelType = MODEL_TYPE;

  protected override checkValues(X: Matrix): void {
    const n = X.nRows;
    for (let cell = 0; cell < X.data.length; cell++) {
      if (X.data[cell] < 0) {
        const feature = Math.floor(cell / n);
        throw new InvalidTrainingDataError(
          `${MODEL_TYPE} needs non-negative features (counts or frequencies); feature ${feature} is ${X.data[cell]} in row ${cell % n}`,
        );
      }
    }
  }

  protected learn(X: Matrix, classes: TrainingClasses): NaiveBayesTables {
    const p = X.nCols;
    const k = classes.classIndices.length;
    const { featureCount, classCount } = classFeatureCounts(X, classes.y, k);
    const alpha = effectiveAlpha(this.params);
    const featureLogProb = new Float64Array(k * p);
    for (let c = 0; c < k; c++) {
      let smoothedTotal = 0;
      for (let j = 0; j < p; j++) smoothedTotal += featureCount[c * p + j] + alpha;
      const logTotal = Math.log(smoothedTotal);
      for (let j = 0; j < p; j++) featureLogProb[c * p + j] = Math.log(featureCount[c * p + j] + alpha) - logTotal;
    }
    return { featureLogProb, classLogPrior: classLogPrior(classCount, this.params.fit_prior as boolean) };
  }

  protected jointLogLikelihood(X: Matrix, tables: NaiveBayesTables, k: number): Matrix {
    const jll = createMatrix(X.nRows, k);
    linearLogLikelihood(X, tables.featureLogProb, tables.classLogPrior, jll.data);
    return jll;
  }
}

export const multinomialNaiveBayesSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'classification',
  family: 'naive_bayes',
  description: 'Multinomial naive Bayes for non-negative counts or frequencies, with additive smoothing',
  importanceMethod: null,
  needsScaling: false,
  hyperparameters: discreteNbHyperparameters,
  create: (params) => new MultinomialNaiveBayes(params),
  restore: (state) =>
    new MultinomialNaiveBayes(resolveHyperparameters(MODEL_TYPE, discreteNbHyperparameters, state.params)).loadState(
      state.fitted,
      TABLES,
    ),
};
