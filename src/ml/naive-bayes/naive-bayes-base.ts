import { createMatrix, type Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { Classifier, FitContext } from '../estimator/estimator.js';
import type { ResolvedParams } from '../estimator/hyperparameters.js';
import { checkClassLabels, checkFeatureCount, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelState } from '../estimator/model-state.js';
import { argmaxClasses, spreadClassColumns, trainingClasses, type TrainingClasses } from '../estimator/training-classes.js';
import { logSumExp } from '../kernels/softmax.js';

/** A fitted naive Bayes model's parameters: named per-class tables, each k rows of nFeatures (or k values). */
export type NaiveBayesTables = Record<string, Float64Array>;

interface NaiveBayesFit {
  tables: NaiveBayesTables;
  classIndices: Int32Array;
  nClasses: number;
  nFeatures: number;
}

/**
 * What every naive Bayes classifier shares, as scikit-learn's _BaseNB: the prediction is the class
 * with the largest joint log-likelihood log P(c) + log P(x | c), the probabilities are those
 * likelihoods normalised by log-sum-exp. There is no feature importance. A single training class is
 * allowed, as in scikit-learn: it is then always predicted.
 */
export abstract class NaiveBayesBase implements Classifier {
  abstract readonly modelType: string;
  readonly task = 'classification';
  protected fitted: NaiveBayesFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  /** The model's tables from the training rows; y in `classes` holds positions 0..k-1. */
  protected abstract learn(X: Matrix, classes: TrainingClasses): NaiveBayesTables;

  /** nRows x k joint log-likelihoods, column-major. */
  protected abstract jointLogLikelihood(X: Matrix, tables: NaiveBayesTables, nModelClasses: number): Matrix;

  /** Input checks beyond shape and finiteness (non-negative counts); called on fit and predict rows alike. */
  protected checkValues(_X: Matrix): void {}

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(this.modelType, X, y.length);
    checkClassLabels(this.modelType, y, nClasses);
    this.checkValues(X);
    const classes = trainingClasses(this.modelType, y, nClasses, 1);
    this.fitted = { tables: this.learn(X, classes), classIndices: classes.classIndices, nClasses, nFeatures: X.nCols };
    ctx.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Int32Array {
    return argmaxClasses(this.predictJointLogProba(X), this.requireFitted().classIndices);
  }

  /** exp(jll - logsumexp(jll)) per row, as scikit-learn's predict_proba. */
  predictProba(X: Matrix): Matrix {
    const { classIndices, nClasses } = this.requireFitted();
    const jll = this.predictJointLogProba(X);
    const n = jll.nRows;
    const proba = createMatrix(n, jll.nCols);
    for (let i = 0; i < n; i++) {
      const logNormaliser = logSumExp(jll.nCols, jll.data, i, n);
      for (let k = 0; k < jll.nCols; k++) proba.data[k * n + i] = Math.exp(jll.data[k * n + i] - logNormaliser);
    }
    return spreadClassColumns(proba, classIndices, nClasses);
  }

  featureImportance(): null {
    this.requireFitted();
    return null;
  }

  toState(): ModelState {
    const { tables, classIndices, nClasses, nFeatures } = this.requireFitted();
    return { modelType: this.modelType, params: { ...this.params }, fitted: { ...tables, classIndices, nClasses, nFeatures } };
  }

  /** Takes the fitted part of a saved state (see toState), expecting the named tables. */
  loadState(fitted: ModelState['fitted'], tableNames: readonly string[]): this {
    const { classIndices, nClasses, nFeatures } = fitted;
    if (!(classIndices instanceof Int32Array) || typeof nClasses !== 'number' || typeof nFeatures !== 'number') {
      throw new Error(`${this.modelType} state is missing its classes`);
    }
    const tables: NaiveBayesTables = {};
    for (const name of tableNames) {
      const table = fitted[name];
      if (!(table instanceof Float64Array)) throw new Error(`${this.modelType} state is missing its ${name}`);
      tables[name] = table;
    }
    this.fitted = { tables, classIndices, nClasses, nFeatures };
    return this;
  }

  /** log P(c) + log P(x | c) for every row and trained class, nRows x k (scikit-learn's predict_joint_log_proba). */
  predictJointLogProba(X: Matrix): Matrix {
    const { tables, classIndices, nFeatures } = this.requireFitted();
    checkFeatureCount(this.modelType, X, nFeatures);
    this.checkValues(X);
    return this.jointLogLikelihood(X, tables, classIndices.length);
  }

  protected requireFitted(): NaiveBayesFit {
    if (!this.fitted) throw new NotFittedError(this.modelType);
    return this.fitted;
  }
}
