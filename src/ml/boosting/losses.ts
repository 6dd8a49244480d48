/**
 * The losses gradient boosting descends, on raw scores ("margins"): one per row for regression and
 * binary classification, one per class for more classes. Raw scores are column-major nRows x
 * nOutputs (a Matrix's layout, so trees add into them column by column); gradients and hessians
 * are row-major (nOutputs per row), the order a histogram reads them in.
 */
export interface BoostingLoss {
  readonly nOutputs: number;
  /** The best constant raw score per output: where boosting starts when the model boosts from the average. */
  prior(target: ArrayLike<number>): Float64Array;
  /** Gradient and hessian of the loss at every row's raw score. */
  gradients(target: ArrayLike<number>, raw: Float64Array, nRows: number, g: Float32Array, h: Float32Array): void;
  /** scikit-learn's loss for early stopping: half squared error, or the log loss; mean over the rows. */
  meanLoss(target: ArrayLike<number>, raw: Float64Array, nRows: number): number;
  /** Predictions from raw scores: the values themselves, or class probabilities (nRows x classes, column-major). */
  toOutput(raw: Float64Array, nRows: number): Float64Array;
}

/** Hessians of a saturated probability are floored, as XGBoost does, so no leaf divides by zero. */
const MIN_HESSIAN = 1e-16;

/** Squared error, halved so the gradient is raw - y and the hessian 1. */
export class SquaredErrorLoss implements BoostingLoss {
  readonly nOutputs = 1;

  prior(target: ArrayLike<number>): Float64Array {
    let sum = 0;
    for (let i = 0; i < target.length; i++) sum += target[i];
    return Float64Array.of(target.length > 0 ? sum / target.length : 0);
  }

  gradients(target: ArrayLike<number>, raw: Float64Array, nRows: number, g: Float32Array, h: Float32Array): void {
    for (let i = 0; i < nRows; i++) {
      g[i] = raw[i] - target[i];
      h[i] = 1;
    }
  }

  meanLoss(target: ArrayLike<number>, raw: Float64Array, nRows: number): number {
    let total = 0;
    for (let i = 0; i < nRows; i++) total += 0.5 * (target[i] - raw[i]) ** 2;
    return total / nRows;
  }

  toOutput(raw: Float64Array): Float64Array {
    return raw.slice();
  }
}

/** Log loss of two classes on one raw score, the log-odds of class 1. */
export class BinaryLogLoss implements BoostingLoss {
  readonly nOutputs = 1;

  /** The log-odds of the training rows' class-1 share, clipped away from 0 and 1 as scikit-learn does. */
  prior(target: ArrayLike<number>): Float64Array {
    let ones = 0;
    for (let i = 0; i < target.length; i++) ones += target[i];
    const p = clipProbability(target.length > 0 ? ones / target.length : 0.5);
    return Float64Array.of(Math.log(p / (1 - p)));
  }

  gradients(target: ArrayLike<number>, raw: Float64Array, nRows: number, g: Float32Array, h: Float32Array): void {
    for (let i = 0; i < nRows; i++) {
      const p = sigmoid(raw[i]);
      g[i] = p - target[i];
      h[i] = Math.max(p * (1 - p), MIN_HESSIAN);
    }
  }

  meanLoss(target: ArrayLike<number>, raw: Float64Array, nRows: number): number {
    let total = 0;
    for (let i = 0; i < nRows; i++) total += softplus(raw[i]) - target[i] * raw[i];
    return total / nRows;
  }

  toOutput(raw: Float64Array, nRows: number): Float64Array {
    const proba = new Float64Array(2 * nRows);
    for (let i = 0; i < nRows; i++) {
      const p = sigmoid(raw[i]);
      proba[i] = 1 - p;
      proba[nRows + i] = p;
    }
    return proba;
  }
}

/**
 * Softmax log loss over K raw scores. Libraries disagree on the hessian's scale: scikit-learn uses
 * p(1-p), XGBoost 2p(1-p), LightGBM K/(K-1) p(1-p); hessianScale says which. It changes the leaf
 * values and how min_child_weight bites, so each booster keeps its own.
 */
export class MultinomialLogLoss implements BoostingLoss {
  constructor(
    readonly nOutputs: number,
    private readonly hessianScale = 1,
  ) {}

  /** log of each class's share of the training rows, clipped like scikit-learn's. */
  prior(target: ArrayLike<number>): Float64Array {
    const counts = new Float64Array(this.nOutputs);
    for (let i = 0; i < target.length; i++) counts[target[i]]++;
    return counts.map((c) => Math.log(clipProbability(target.length > 0 ? c / target.length : 1 / this.nOutputs)));
  }

  gradients(target: ArrayLike<number>, raw: Float64Array, nRows: number, g: Float32Array, h: Float32Array): void {
    const K = this.nOutputs;
    for (let i = 0; i < nRows; i++) {
      const norm = logSumExp(raw, i, nRows, K);
      for (let k = 0; k < K; k++) {
        const p = Math.exp(raw[k * nRows + i] - norm);
        g[i * K + k] = p - (target[i] === k ? 1 : 0);
        h[i * K + k] = Math.max(this.hessianScale * p * (1 - p), MIN_HESSIAN);
      }
    }
  }

  meanLoss(target: ArrayLike<number>, raw: Float64Array, nRows: number): number {
    let total = 0;
    for (let i = 0; i < nRows; i++) total += logSumExp(raw, i, nRows, this.nOutputs) - raw[target[i] * nRows + i];
    return total / nRows;
  }

  toOutput(raw: Float64Array, nRows: number): Float64Array {
    const K = this.nOutputs;
    const proba = new Float64Array(K * nRows);
    for (let i = 0; i < nRows; i++) {
      const norm = logSumExp(raw, i, nRows, K);
      for (let k = 0; k < K; k++) proba[k * nRows + i] = Math.exp(raw[k * nRows + i] - norm);
    }
    return proba;
  }
}

/** The classification loss for nClasses classes: one log-odds score for two, softmax otherwise (one class included). */
export function logLossFor(nClasses: number, multinomialHessianScale = 1): BoostingLoss {
  return nClasses === 2 ? new BinaryLogLoss() : new MultinomialLogLoss(nClasses, multinomialHessianScale);
}

function clipProbability(p: number): number {
  return Math.min(Math.max(p, Number.EPSILON), 1 - Number.EPSILON);
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function logSumExp(raw: Float64Array, row: number, nRows: number, K: number): number {
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, raw[k * nRows + row]);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += Math.exp(raw[k * nRows + row] - max);
  return max + Math.log(sum);
}
