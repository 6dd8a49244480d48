import { createMatrix, type Matrix } from '../core/matrix.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
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

const MODEL_TYPE = 'bernoulli_naive_bayes';
const TABLES = ['featureLogProb', 'classLogPrior'] as const;

/** scikit-learn 1.2 BernoulliNB: the discrete parameters plus the binarisation threshold. */
export const bernoulliNbHyperparameters: readonly HyperparameterDef[] = [
  ...discreteNbHyperparameters,
  {
    name: 'binarize',
    description: 'Features above this value count as present (1), the rest absent (0); null takes the data as already 0/1',
    default: 0.0,
    float: {},
    nullable: true,
  },
];

/**
 * Bernoulli naive Bayes over present/absent features, as scikit-learn's BernoulliNB:
 * P(feature j | c) = (N_cj + alpha) / (N_c + 2 alpha), and absent features count through log(1 - P).
 */
export class BernoulliNaiveBayes extends NaiveBayesBase {
  readonly modelType = MODEL_TYPE;

  protected learn(X: Matrix, classes: TrainingClasses): NaiveBayesTables {
    const p = X.nCols;
    const k = classes.classIndices.length;
    const { featureCount, classCount } = classFeatureCounts(this.binarised(X), classes.y, k);
    const alpha = effectiveAlpha(this.params);
    const featureLogProb = new Float64Array(k * p);
    for (let c = 0; c < k; c++) {
      const logTotal = Math.log(classCount[c] + 2 * alpha);
      for (let j = 0; j < p; j++) featureLogProb[c * p + j] = Math.log(featureCount[c * p + j] + alpha) - logTotal;
    }
    return { featureLogProb, classLogPrior: classLogPrior(classCount, this.params.fit_prior as boolean) };
  }

  /** X (flp - log(1 - P))' + log prior + sum_j log(1 - P), as scikit-learn writes it. */
  protected jointLogLikelihood(X: Matrix, tables: NaiveBayesTables, k: number): Matrix {
    const { featureLogProb, classLogPrior: logPrior } = tables;
    const p = X.nCols;
    const presentWeight = new Float64Array(k * p);
    const constant = Float64Array.from(logPrior);
    for (let c = 0; c < k; c++) {
      let absentTotal = 0;
      for (let j = 0; j < p; j++) {
        const logAbsent = Math.log(1 - Math.exp(featureLogProb[c * p + j]));
        presentWeight[c * p + j] = featureLogProb[c * p + j] - logAbsent;
        absentTotal += logAbsent;
      }
      constant[c] += absentTotal;
    }
    const jll = createMatrix(X.nRows, k);
    linearLogLikelihood(this.binarised(X), presentWeight, constant, jll.data);
    return jll;
  }

  private binarised(X: Matrix): Matrix {
    const threshold = this.params.binarize as number | null;
    if (threshold === null) return X;
    return createMatrix(X.nRows, X.nCols, X.data.map((value) => (value > threshold ? 1 : 0)));
  }
}

export const bernoulliNaiveBayesSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'classification',
  family: 'naive_bayes',
  description: 'Bernoulli naive Bayes over present/absent features (binarised at a threshold), with additive smoothing',
  importanceMethod: null,
  needsScaling: false,
  hyperparameters: bernoulliNbHyperparameters,
  create: (params) => new BernoulliNaiveBayes(params),
  restore: (state) =>
    new BernoulliNaiveBayes(resolveHyperparameters(MODEL_TYPE, bernoulliNbHyperparameters, state.params)).loadState(
      state.fitted,
      TABLES,
    ),
};
