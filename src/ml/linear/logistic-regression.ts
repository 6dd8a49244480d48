import { createMatrix, type Matrix } from '../core/matrix.js';
import type { FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import { softmaxInPlace } from '../kernels/softmax.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { spreadClassColumns, type TrainingClasses } from '../estimator/training-classes.js';
import { balancedSampleWeights } from './class-weights.js';
import { minimizeLbfgs } from './lbfgs.js';
import { LinearClassifierBase, type LinearClassifierFit } from './linear-classifier-base.js';
import { sigmoid } from './logistic-link.js';
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

/**
 * L2-regularised logistic regression fitted by L-BFGS, as scikit-learn's LogisticRegression with
 * solver="lbfgs": binary (one weight row, sigmoid) for two classes, multinomial (softmax) for more.
 */
export class LogisticRegression extends LinearClassifierBase {
  readonly modelType = MODEL_TYPE;

  /** Iterations the last fit ran, and whether it stopped before max_iter (scikit-learn's n_iter_). */
  get convergence(): { nIter: number; converged: boolean } {
    const { facts } = this.requireFitted();
    return { nIter: typeof facts.nIter === 'number' ? facts.nIter : 0, converged: facts.converged === true };
  }

  protected learn(X: Matrix, classes: TrainingClasses, ctx: FitContext): LinearClassifierFit {
    const nModelClasses = classes.classIndices.length;
    const problem: LogisticProblem = {
      X,
      y: classes.y,
      nClasses: nModelClasses,
      sampleWeight:
        this.params.class_weight === 'balanced'
          ? balancedSampleWeights(classes.y, nModelClasses)
          : new Float64Array(classes.y.length).fill(1),
      l2: this.params.penalty === 'l2' ? 1 / (this.params.C as number) : 0,
      fitIntercept: this.params.fit_intercept as boolean,
    };
    const maxIter = this.params.max_iter as number;
    const result = minimizeLbfgs(logisticObjective(problem), new Float64Array(logisticWeightCount(problem)), {
      maxIter,
      gtol: this.params.tol as number,
      onIteration: (iteration) => ctx.onProgress?.(Math.min(1, iteration / Math.max(1, maxIter))),
    });
    return {
      weights: logisticWeightLayout(problem, result.x),
      facts: { nIter: result.nIter, converged: result.status === 'gradient' || result.status === 'decrease' },
    };
  }

  predictProba(X: Matrix): Matrix {
    const { classIndices, nClasses } = this.requireFitted();
    const decision = this.decisionFunction(X);
    const n = X.nRows;
    if (decision.nCols === 1) {
      const proba = createMatrix(n, 2);
      for (let i = 0; i < n; i++) {
        const positive = sigmoid(decision.data[i]);
        proba.data[i] = 1 - positive;
        proba.data[n + i] = positive;
      }
      return spreadClassColumns(proba, classIndices, nClasses);
    }
    for (let i = 0; i < n; i++) softmaxInPlace(decision.data, i, n, decision.nCols);
    return spreadClassColumns(decision, classIndices, nClasses);
  }
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
  restore: (state) =>
    new LogisticRegression(resolveHyperparameters(MODEL_TYPE, logisticRegressionHyperparameters, state.params)).loadState(
      state.fitted,
      ['nIter', 'converged'],
    ),
};
