import type { Matrix } from '../core/matrix.js';
import { dot, sum } from '../kernels/blas1.js';
import type { Objective } from './lbfgs.js';
import { linearDecisionInto, type PackedWeights } from './linear-decision.js';
import { softmaxInPlace } from '../kernels/softmax.js';
import { binomialGradient, binomialLoss } from './logistic-link.js';

/** What the logistic objective is computed over; y holds classes 0..nClasses-1. */
export interface LogisticProblem {
  X: Matrix;
  y: Int32Array;
  /** 2 gives the binary model (one weight row), more the multinomial one (one row per class). */
  nClasses: number;
  sampleWeight: Float64Array;
  /** Strength of the 0.5 * l2 * ||coef||^2 penalty: 1 / C, or 0 without penalty. */
  l2: number;
  fitIntercept: boolean;
}

/** The layout of the weights the objective optimises, which is also the fitted model's. */
export function logisticWeightLayout(problem: LogisticProblem, values: Float64Array): PackedWeights {
  return {
    values,
    nOutputs: problem.nClasses === 2 ? 1 : problem.nClasses,
    stride: problem.X.nCols + (problem.fitIntercept ? 1 : 0),
    hasIntercept: problem.fitIntercept,
  };
}

export function logisticWeightCount(problem: LogisticProblem): number {
  const layout = logisticWeightLayout(problem, new Float64Array(0));
  return layout.nOutputs * layout.stride;
}

/**
 * scikit-learn's lbfgs objective: the sum over rows of weight x log-loss, plus 0.5 * l2 * ||coef||^2
 * with the intercepts left unpenalised (the sum, not the mean, as in scikit-learn 1.2). The returned
 * function reuses one n x nOutputs buffer for every evaluation.
 */
export function logisticObjective(problem: LogisticProblem): Objective {
  const { X, l2 } = problem;
  const n = X.nRows;
  const p = X.nCols;
  const layout = logisticWeightLayout(problem, new Float64Array(0));
  const pointwise = new Float64Array(n * layout.nOutputs);

  return (w, gradient) => {
    const weights: PackedWeights = { ...layout, values: w };
    linearDecisionInto(X, weights, pointwise);
    const loss =
      layout.nOutputs === 1 ? binaryLossGradient(problem, pointwise) : multinomialLossGradient(problem, pointwise);
    let squaredNorm = 0;
    for (let r = 0; r < layout.nOutputs; r++) {
      const rowStart = r * layout.stride;
      for (let j = 0; j < p; j++) {
        const coef = w[rowStart + j];
        squaredNorm += coef * coef;
        gradient[rowStart + j] = dot(n, X.data, j * n, 1, pointwise, r * n, 1) + l2 * coef;
      }
      if (layout.hasIntercept) gradient[rowStart + p] = sum(n, pointwise, r * n, 1);
    }
    return loss + 0.5 * l2 * squaredNorm;
  };
}

/** Replaces each raw value by the weighted d loss / d raw and returns the weighted loss sum. */
function binaryLossGradient(problem: LogisticProblem, raw: Float64Array): number {
  const { y, sampleWeight } = problem;
  let loss = 0;
  for (let i = 0; i < raw.length; i++) {
    const target = y[i] === 1 ? 1 : 0;
    loss += sampleWeight[i] * binomialLoss(target, raw[i]);
    raw[i] = sampleWeight[i] * binomialGradient(target, raw[i]);
  }
  return loss;
}

/** Multinomial version: raw is n x nClasses column-major; becomes weight x (softmax - one-hot). */
function multinomialLossGradient(problem: LogisticProblem, raw: Float64Array): number {
  const { y, sampleWeight, nClasses } = problem;
  const n = y.length;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const target = y[i];
    const rawTarget = raw[target * n + i];
    const logPartition = softmaxInPlace(raw, i, n, nClasses);
    loss += sampleWeight[i] * (logPartition - rawTarget);
    for (let k = 0; k < nClasses; k++) {
      raw[k * n + i] = sampleWeight[i] * (raw[k * n + i] - (k === target ? 1 : 0));
    }
  }
  return loss;
}
