import { createMatrix, type Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { Classifier, FeatureImportance, FitContext } from '../estimator/estimator.js';
import type { ResolvedParams } from '../estimator/hyperparameters.js';
import { checkClassLabels, checkFeatureCount, checkTrainingMatrix } from '../estimator/input-checks.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';
import { decisionClasses, trainingClasses, type TrainingClasses } from '../estimator/training-classes.js';
import { coefficientImportance } from '../inspection/coefficient-importance.js';
import { featureCountOf, linearDecision, type PackedWeights } from './linear-decision.js';

/** What a linear classifier's fit produces: one weight row for two classes, one per class otherwise. */
export interface LinearClassifierFit {
  weights: PackedWeights;
  facts: { [key: string]: StateValue };
}

interface FittedState extends LinearClassifierFit {
  /** The classes that occurred in training, in order: the model's output k is class classIndices[k]. */
  classIndices: Int32Array;
  nClasses: number;
}

/**
 * Everything linear classifiers share once fitted, as scikit-learn's LinearClassifierMixin:
 * decision values X . coef' + intercept, the predicted class (decision > 0 for two classes, the
 * largest otherwise), |coef| importance averaged over classes and the saved state.
 */
export abstract class LinearClassifierBase implements Classifier {
  abstract readonly modelType: string;
  readonly task = 'classification';
  protected fitted: FittedState | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  /** Learns from the training classes; y in `classes` holds positions 0..k-1 among them. */
  protected abstract learn(X: Matrix, classes: TrainingClasses, ctx: FitContext): LinearClassifierFit;

  abstract predictProba(X: Matrix): Matrix | null;

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(this.modelType, X, y.length);
    checkClassLabels(this.modelType, y, nClasses);
    const classes = trainingClasses(this.modelType, y, nClasses);
    this.fitted = { ...this.learn(X, classes, ctx), classIndices: classes.classIndices, nClasses };
    ctx.onProgress?.(1);
    return this;
  }

  /** Raw decision values, nRows x 1 for a binary model and nRows x nTrainedClasses otherwise. */
  decisionFunction(X: Matrix): Matrix {
    const { weights } = this.requireFitted();
    checkFeatureCount(this.modelType, X, featureCountOf(weights));
    return createMatrix(X.nRows, weights.nOutputs, linearDecision(X, weights));
  }

  predict(X: Matrix): Int32Array {
    return decisionClasses(this.decisionFunction(X), this.requireFitted().classIndices);
  }

  featureImportance(): FeatureImportance {
    const { weights } = this.requireFitted();
    return coefficientImportance(weights.values, weights.nOutputs, featureCountOf(weights), weights.stride);
  }

  toState(): ModelState {
    const { weights, classIndices, nClasses, facts } = this.requireFitted();
    return {
      modelType: this.modelType,
      params: { ...this.params },
      fitted: {
        weights: weights.values,
        nFeatures: featureCountOf(weights),
        hasIntercept: weights.hasIntercept,
        classIndices,
        nClasses,
        ...facts,
      },
    };
  }

  /** Takes the fitted part of a saved state (see toState); `factNames` are the facts to keep. */
  loadState(fitted: ModelState['fitted'], factNames: readonly string[] = []): this {
    const { weights, nFeatures, hasIntercept, classIndices, nClasses } = fitted;
    if (
      !(weights instanceof Float64Array) ||
      !(classIndices instanceof Int32Array) ||
      typeof nFeatures !== 'number' ||
      typeof nClasses !== 'number' ||
      typeof hasIntercept !== 'boolean'
    ) {
      throw new Error(`${this.modelType} state is missing its weights or classes`);
    }
    const nOutputs = classIndices.length === 2 ? 1 : classIndices.length;
    const stride = nFeatures + (hasIntercept ? 1 : 0);
    if (weights.length !== nOutputs * stride) throw new Error(`${this.modelType} state has inconsistent weights`);
    const facts: LinearClassifierFit['facts'] = {};
    for (const name of factNames) facts[name] = fitted[name] ?? null;
    this.fitted = { weights: { values: weights, nOutputs, stride, hasIntercept }, classIndices, nClasses, facts };
    return this;
  }

  protected requireFitted(): FittedState {
    if (!this.fitted) throw new NotFittedError(this.modelType);
    return this.fitted;
  }
}
