import { createMatrix, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import type { Classifier, FeatureImportance, FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import type { ModelState } from '../estimator/model-state.js';
import { coefficientImportance } from '../inspection/coefficient-importance.js';
import { balancedSampleWeights, classCounts } from './class-weights.js';
import { checkClassLabels, checkFeatureCount, checkTrainingMatrix } from '../estimator/input-checks.js';
import { minimizeLbfgs } from './lbfgs.js';
import { featureCountOf, linearDecision, type PackedWeights } from './linear-decision.js';
import { sigmoid, softmaxInPlace } from './logistic-link.js';
import { logisticObjective, logisticWeightCount, logisticWeightLayout, type LogisticProblem } from './logistic-loss.js';

const MODEL_TYPE = 'logistic_regression';

/** scikit-learn 1.2 LogisticRegression's names, defaults and constraints, for the parts implemented. */
export const logisticRegressionHyperparameters: readonly HyperparameterDef[] = [
  {
    name: 'penalty',
    description: 'Regularisation: "l2", or "none" / null for none (l1 and elasticnet need solvers not offered here)',
    default: 'l2',
    choices: ['l2', 'none'],
    nullable: true,
  },
  {
    name: 'C',
    description: 'Inverse regularisation strength; smaller values regularise more',
    default: 1.0,
    float: { min: 0, exclusiveMin: true },
  },
  {
    name: 'max_iter',
    description: 'Maximum number of L-BFGS iterations',
    default: 100,
    int: { min: 0 },
  },
  {
    name: 'tol',
    description: 'Stop when the largest absolute gradient component falls to this value',
    default: 1e-4,
    float: { min: 0 },
  },
  { name: 'fit_intercept', description: 'Learn an unpenalised intercept per class', default: true, bool: true },
  {
    name: 'class_weight',
    description: '"balanced" weights each class inversely to its frequency; null weights every row 1',
    default: null,
    choices: ['balanced'],
    nullable: true,
  },
  {
    name: 'random_state',
    description: 'Accepted for compatibility; the lbfgs solver is deterministic and does not use it',
    default: null,
    int: { min: 0, max: 4294967295 },
    nullable: true,
  },
  {
    name: 'solver',
    description: 'Optimisation algorithm; only "lbfgs" is implemented',
    default: 'lbfgs',
    choices: ['lbfgs'],
  },
];

interface LogisticFit {
  weights: PackedWeights;
  /** The classes that occurred in training, in order: the model's output k is class classIndices[k]. */
  classIndices: Int32Array;
  nClasses: number;
  nIter: number;
  converged: boolean;
}

/**
 * L2-regularised logistic regression fitted by L-BFGS, as scikit-learn's LogisticRegression with
 * solver="lbfgs": binary (one weight row, sigmoid) for two classes, multinomial (softmax) for more.
 */
export class LogisticRegression implements Classifier {
  readonly modelType = MODEL_TYPE;
  readonly task = 'classification';
  private fitted: LogisticFit | null = null;

  constructor(readonly params: Readonly<ResolvedParams>) {}

  /** Iterations the last fit ran, and whether it stopped before max_iter (scikit-learn's n_iter_). */
  get convergence(): { nIter: number; converged: boolean } {
    const fitted = this.requireFitted();
    return { nIter: fitted.nIter, converged: fitted.converged };
  }

  fit(X: Matrix, y: Int32Array, nClasses: number, ctx: FitContext = {}): this {
    this.fitted = null;
    checkTrainingMatrix(MODEL_TYPE, X, y.length);
    checkClassLabels(MODEL_TYPE, y, nClasses);
    const classIndices = presentClasses(y, nClasses);
    const modelY = classIndices.length === nClasses ? y : relabel(y, classIndices, nClasses);
    const nModelClasses = classIndices.length;
    const problem: LogisticProblem = {
      X,
      y: modelY,
      nClasses: nModelClasses,
      sampleWeight:
        this.params.class_weight === 'balanced'
          ? balancedSampleWeights(modelY, nModelClasses)
          : new Float64Array(y.length).fill(1),
      l2: this.params.penalty === 'l2' ? 1 / (this.params.C as number) : 0,
      fitIntercept: this.params.fit_intercept as boolean,
    };
    const maxIter = this.params.max_iter as number;
    const result = minimizeLbfgs(logisticObjective(problem), new Float64Array(logisticWeightCount(problem)), {
      maxIter,
      gtol: this.params.tol as number,
      onIteration: (iteration) => ctx.onProgress?.(Math.min(1, iteration / Math.max(1, maxIter))),
    });
    this.fitted = {
      weights: logisticWeightLayout(problem, result.x),
      classIndices,
      nClasses,
      nIter: result.nIter,
      converged: result.status === 'gradient' || result.status === 'decrease',
    };
    ctx.onProgress?.(1);
    return this;
  }

  /** Raw decision values, nRows x 1 for a binary model and nRows x nTrainedClasses otherwise. */
  decisionFunction(X: Matrix): Matrix {
    const { weights } = this.requireFitted();
    checkFeatureCount(MODEL_TYPE, X, featureCountOf(weights));
    return createMatrix(X.nRows, weights.nOutputs, linearDecision(X, weights));
  }

  predict(X: Matrix): Int32Array {
    const { classIndices } = this.requireFitted();
    const decision = this.decisionFunction(X);
    const n = X.nRows;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = 0;
      if (decision.nCols === 1) best = decision.data[i] > 0 ? 1 : 0;
      else {
        for (let k = 1; k < decision.nCols; k++) if (decision.data[k * n + i] > decision.data[best * n + i]) best = k;
      }
      out[i] = classIndices[best];
    }
    return out;
  }

  predictProba(X: Matrix): Matrix {
    const { classIndices, nClasses } = this.requireFitted();
    const decision = this.decisionFunction(X);
    const n = X.nRows;
    const proba = createMatrix(n, nClasses);
    if (decision.nCols === 1) {
      for (let i = 0; i < n; i++) {
        const positive = sigmoid(decision.data[i]);
        proba.data[classIndices[0] * n + i] = 1 - positive;
        proba.data[classIndices[1] * n + i] = positive;
      }
      return proba;
    }
    for (let i = 0; i < n; i++) softmaxInPlace(decision.data, i, n, decision.nCols);
    for (let k = 0; k < decision.nCols; k++) {
      proba.data.set(decision.data.subarray(k * n, (k + 1) * n), classIndices[k] * n);
    }
    return proba;
  }

  featureImportance(): FeatureImportance {
    const { weights } = this.requireFitted();
    return coefficientImportance(weights.values, weights.nOutputs, featureCountOf(weights), weights.stride);
  }

  toState(): ModelState {
    const { weights, classIndices, nClasses, nIter, converged } = this.requireFitted();
    return {
      modelType: MODEL_TYPE,
      params: { ...this.params },
      fitted: {
        weights: weights.values,
        nFeatures: featureCountOf(weights),
        hasIntercept: weights.hasIntercept,
        classIndices,
        nClasses,
        nIter,
        converged,
      },
    };
  }

  static fromState(state: ModelState): LogisticRegression {
    const model = new LogisticRegression(
      resolveHyperparameters(MODEL_TYPE, logisticRegressionHyperparameters, state.params),
    );
    const { weights, nFeatures, hasIntercept, classIndices, nClasses, nIter, converged } = state.fitted;
    if (
      !(weights instanceof Float64Array) ||
      !(classIndices instanceof Int32Array) ||
      typeof nFeatures !== 'number' ||
      typeof nClasses !== 'number' ||
      typeof hasIntercept !== 'boolean'
    ) {
      throw new Error(`${MODEL_TYPE} state is missing its weights or classes`);
    }
    const nOutputs = classIndices.length === 2 ? 1 : classIndices.length;
    const stride = nFeatures + (hasIntercept ? 1 : 0);
    if (weights.length !== nOutputs * stride) throw new Error(`${MODEL_TYPE} state has inconsistent weights`);
    model.fitted = {
      weights: { values: weights, nOutputs, stride, hasIntercept },
      classIndices,
      nClasses,
      nIter: typeof nIter === 'number' ? nIter : 0,
      converged: converged === true,
    };
    return model;
  }

  private requireFitted(): LogisticFit {
    if (!this.fitted) throw new NotFittedError(MODEL_TYPE);
    return this.fitted;
  }
}

/** Classes with at least one training row; scikit-learn only ever sees those. */
function presentClasses(y: Int32Array, nClasses: number): Int32Array {
  const counts = classCounts(y, nClasses);
  const present: number[] = [];
  for (let k = 0; k < nClasses; k++) if (counts[k] > 0) present.push(k);
  if (present.length < 2) {
    throw new InvalidTrainingDataError(
      `${MODEL_TYPE} needs at least two classes in the training rows; found only class ${present[0] ?? 'none'}`,
    );
  }
  return Int32Array.from(present);
}

/** Maps labels to their position among the present classes. */
function relabel(y: Int32Array, classIndices: Int32Array, nClasses: number): Int32Array {
  const position = new Int32Array(nClasses);
  classIndices.forEach((classIndex, k) => (position[classIndex] = k));
  return y.map((label) => position[label]);
}

export const logisticRegressionSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: ['logistic'],
  taskType: 'classification',
  family: 'linear',
  description: 'L2-regularised logistic regression (binary or multinomial), fitted with L-BFGS',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: logisticRegressionHyperparameters,
  create: (params) => new LogisticRegression(params),
  restore: (state) => LogisticRegression.fromState(state),
};
