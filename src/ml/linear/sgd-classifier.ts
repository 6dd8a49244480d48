import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { rowMajorRows } from '../core/row-major.js';
import type { FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef } from '../estimator/hyperparameters.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { spreadClassColumns, type TrainingClasses } from '../estimator/training-classes.js';
import { classCounts } from './class-weights.js';
import { LinearClassifierBase, type LinearClassifierFit } from './linear-classifier-base.js';
import { sigmoid } from './logistic-link.js';
import { plainSgd } from './plain-sgd.js';
import { checkSgdParams, sgdHyperparameters, sgdOptions, validationMask } from './sgd-params.js';
import { CLASSIFICATION_LOSSES } from './sgd-losses.js';

const MODEL_TYPE = 'sgd_classifier';

/** scikit-learn 1.2 SGDClassifier's names, defaults and constraints. */
export const sgdClassifierHyperparameters: readonly HyperparameterDef[] = [
  ...sgdHyperparameters({ losses: CLASSIFICATION_LOSSES, loss: 'hinge', learningRate: 'optimal', eta0: 0, powerT: 0.5 }),
  {
    name: 'class_weight',
    description: '"balanced" weights each class inversely to its frequency; null weights every row 1',
    default: null,
    choices: ['balanced'],
    nullable: true,
  },
];

/**
 * A linear classifier fitted by stochastic gradient descent, as scikit-learn's SGDClassifier: one
 * binary problem for two classes, one-vs-rest problems (each with its own seed) for more.
 * Probabilities exist for loss="log_loss" and "modified_huber" only, as in scikit-learn.
 */
export class SgdClassifier extends LinearClassifierBase {
  readonly modelType = MODEL_TYPE;

  protected learn(X: Matrix, classes: TrainingClasses, ctx: FitContext): LinearClassifierFit {
    checkSgdParams(this.params);
    const { y, classIndices } = classes;
    const k = classIndices.length;
    const n = X.nRows;
    const p = X.nCols;
    const rng = new Random((this.params.random_state as number | null) ?? 0);
    const validation = validationMask(this.params, X, rng.fork(), y);
    const counts = classCounts(y, k);
    // "balanced": n / (k count_c), as scikit-learn's compute_class_weight.
    const classWeight = (c: number) => (this.params.class_weight === 'balanced' ? n / (k * counts[c]) : 1);
    const rows = rowMajorRows(X);
    const nProblems = k === 2 ? 1 : k;
    const stride = p + 1;
    const values = new Float64Array(nProblems * stride);
    const nIter: number[] = [];
    for (let problem = 0; problem < nProblems; problem++) {
      const positive = k === 2 ? 1 : problem;
      const targets = Float64Array.from(y, (label) => (label === positive ? 1 : -1));
      // One-vs-rest: the rest weigh 1, as scikit-learn's fit_binary (both classes' weights for two classes).
      const negativeWeight = k === 2 ? classWeight(0) : 1;
      const weight = Float64Array.from(y, (label) => (label === positive ? classWeight(positive) : negativeWeight));
      const result = plainSgd(
        {
          rows,
          nRows: n,
          nCols: p,
          y: targets,
          weight,
          validation,
          validationScore: (coef, intercept) => signAccuracy(rows, p, targets, validation!, coef, intercept),
        },
        sgdOptions(this.params, rng.fork(), (epoch) =>
          ctx.onProgress?.((problem + epoch / (this.params.max_iter as number)) / nProblems),
        ),
      );
      values.set(result.coef, problem * stride);
      values[problem * stride + p] = result.intercept;
      nIter.push(result.nIter);
    }
    const hasIntercept = this.params.fit_intercept as boolean;
    const weights = hasIntercept
      ? { values, nOutputs: nProblems, stride, hasIntercept }
      : { values: values.filter((_, index) => index % stride !== p), nOutputs: nProblems, stride: p, hasIntercept };
    // scikit-learn's n_iter_ is the largest over the one-vs-rest problems.
    return { weights, facts: { nIter: Math.max(...nIter) } };
  }

  /**
   * log_loss: the sigmoid of each one-vs-rest decision, normalised over classes for more than two;
   * modified_huber: (clip(d, -1, 1) + 1) / 2, normalised (uniform where all are 0). Other losses
   * give no probabilities.
   */
  predictProba(X: Matrix): Matrix | null {
    const { classIndices, nClasses } = this.requireFitted();
    const loss = this.params.loss;
    if (loss !== 'log_loss' && loss !== 'modified_huber') return null;
    const decision = this.decisionFunction(X);
    const n = X.nRows;
    const toScore = loss === 'log_loss' ? sigmoid : (d: number) => (Math.min(1, Math.max(-1, d)) + 1) / 2;
    if (decision.nCols === 1) {
      const proba = createMatrix(n, 2);
      for (let i = 0; i < n; i++) {
        proba.data[n + i] = toScore(decision.data[i]);
        proba.data[i] = 1 - proba.data[n + i];
      }
      return spreadClassColumns(proba, classIndices, nClasses);
    }
    const k = decision.nCols;
    const proba = createMatrix(n, k, decision.data.map(toScore));
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let c = 0; c < k; c++) total += proba.data[c * n + i];
      for (let c = 0; c < k; c++) proba.data[c * n + i] = total === 0 ? 1 / k : proba.data[c * n + i] / total;
    }
    return spreadClassColumns(proba, classIndices, nClasses);
  }
}

/** Accuracy of sign(x . coef + intercept) against +1/-1 targets over the validation rows. */
function signAccuracy(
  rows: Float64Array,
  p: number,
  targets: Float64Array,
  validation: Uint8Array,
  coef: Float64Array,
  intercept: number,
): number {
  let correct = 0;
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    if (!validation[i]) continue;
    let decision = intercept;
    for (let j = 0; j < p; j++) decision += coef[j] * rows[i * p + j];
    if ((decision > 0 ? 1 : -1) === targets[i]) correct++;
    total++;
  }
  return correct / total;
}

export const sgdClassifierSpec: ModelSpec = {
  modelType: MODEL_TYPE,
  aliases: [],
  taskType: 'classification',
  family: 'linear',
  description:
    'Linear classifier by stochastic gradient descent (hinge, log_loss, ...; one-vs-rest); ' +
    'probabilities for log_loss and modified_huber only',
  importanceMethod: 'coef_',
  needsScaling: true,
  hyperparameters: sgdClassifierHyperparameters,
  checkParams: checkSgdParams,
  create: (params) => new SgdClassifier(params),
  restore: (state) =>
    new SgdClassifier(resolveHyperparameters(MODEL_TYPE, sgdClassifierHyperparameters, state.params)).loadState(
      state.fitted,
      ['nIter'],
    ),
};
