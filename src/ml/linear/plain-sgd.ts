import { Random } from '../core/random.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { SgdLoss } from './sgd-losses.js';

/** scikit-learn clips loss derivatives to this magnitude against numerical blow-ups. */
const MAX_DLOSS = 1e12;

export type SgdPenalty = 'l2' | 'l1' | 'elasticnet' | null;
export type SgdLearningRate = 'constant' | 'optimal' | 'invscaling' | 'adaptive';

/** One linear SGD problem: rows row-major, one target and one weight (sample x class weight) per row. */
export interface SgdProblem {
  rows: Float64Array;
  nRows: number;
  nCols: number;
  y: Float64Array;
  weight: Float64Array;
  /** Rows set aside for early stopping (1); never learned from. */
  validation: Uint8Array | null;
  /** Score of (coef, intercept) on the validation rows, higher is better; required with `validation`. */
  validationScore?: (coef: Float64Array, intercept: number) => number;
}

export interface SgdOptions {
  loss: SgdLoss;
  penalty: SgdPenalty;
  alpha: number;
  l1Ratio: number;
  fitIntercept: boolean;
  maxIter: number;
  /** null: never stop before max_iter on a lack of improvement. */
  tol: number | null;
  nIterNoChange: number;
  shuffle: boolean;
  seed: number;
  learningRate: SgdLearningRate;
  eta0: number;
  powerT: number;
  /** Average the weights from this step on (scikit-learn's average); 0 for no averaging. */
  average: number;
  onEpoch?: (epoch: number) => void;
}

export interface SgdResult {
  coef: Float64Array;
  intercept: number;
  /** Epochs run (scikit-learn's n_iter_). */
  nIter: number;
  /** Whether the improvement test stopped it before max_iter. */
  converged: boolean;
}

/**
 * scikit-learn's _plain_sgd on dense rows: one pass per epoch over the (re)shuffled rows, a gradient
 * step on each with the chosen learning-rate schedule, L2 shrinkage of the weights and the truncated
 * L1 penalty of Tsuruoka et al. (2009), optional averaging, and the same stopping rule: stop once
 * the epoch loss (or the validation score) has failed to improve by tol n_iter_no_change times in a
 * row; the adaptive schedule first divides the rate by 5 instead. The shuffles come from our own
 * generator, so the path is scikit-learn's in law but not draw for draw.
 */
export function plainSgd(problem: SgdProblem, options: SgdOptions): SgdResult {
  const { rows, nRows: n, nCols: p, y, weight, validation } = problem;
  const { loss, alpha, fitIntercept, learningRate, eta0, powerT, average } = options;
  const l1Ratio = options.penalty === 'l2' ? 0 : options.penalty === 'l1' ? 1 : options.l1Ratio;
  const shrinks = options.penalty === 'l2' || options.penalty === 'elasticnet';
  const truncatesL1 = options.penalty === 'l1' || options.penalty === 'elasticnet';
  const earlyStopping = validation !== null;
  const w = new Float64Array(p);
  const averaged = new Float64Array(p);
  const l1Applied = new Float64Array(p);
  let intercept = 0;
  let averagedIntercept = 0;
  let l1Total = 0;
  let eta = eta0;
  let optimalInit = 0;
  if (learningRate === 'optimal') {
    // The initial rate is set from a typical weight size, 1 / sqrt(sqrt(alpha)), as in scikit-learn.
    const typicalWeight = Math.sqrt(1 / Math.sqrt(alpha));
    const initialEta = typicalWeight / Math.max(1, loss.dloss(-typicalWeight, 1));
    optimalInit = 1 / (initialEta * alpha);
  }
  const rng = new Random(options.seed);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let t = 1;
  let bestLoss = Infinity;
  let bestScore = -Infinity;
  let noImprovement = 0;
  let epoch = 0;
  let converged = false;
  while (epoch < options.maxIter) {
    epoch++;
    let sumLoss = 0;
    if (options.shuffle) rng.shuffle(order);
    for (let s = 0; s < n; s++) {
      const i = order[s];
      if (validation && validation[i]) continue;
      const offset = i * p;
      let prediction = intercept;
      for (let j = 0; j < p; j++) prediction += w[j] * rows[offset + j];
      if (learningRate === 'optimal') eta = 1 / (alpha * (optimalInit + t - 1));
      else if (learningRate === 'invscaling') eta = eta0 / Math.pow(t, powerT);
      if (!earlyStopping) sumLoss += loss.loss(prediction, y[i]);
      const dloss = Math.min(MAX_DLOSS, Math.max(-MAX_DLOSS, loss.dloss(prediction, y[i])));
      const update = -eta * dloss * weight[i];
      if (shrinks) {
        // Shrink towards 0, but never past it when eta * alpha is large.
        const factor = Math.max(0, 1 - (1 - l1Ratio) * eta * alpha);
        for (let j = 0; j < p; j++) w[j] *= factor;
      }
      if (update !== 0) {
        for (let j = 0; j < p; j++) w[j] += update * rows[offset + j];
        if (fitIntercept) intercept += update;
      }
      if (average > 0 && average <= t) {
        const steps = t - average + 1;
        for (let j = 0; j < p; j++) averaged[j] += (w[j] - averaged[j]) / steps;
        averagedIntercept += (intercept - averagedIntercept) / steps;
      }
      if (truncatesL1) {
        l1Total += l1Ratio * eta * alpha;
        truncateL1(w, l1Applied, l1Total);
      }
      t++;
    }
    options.onEpoch?.(epoch);
    if (!Number.isFinite(intercept) || w.some((value) => !Number.isFinite(value))) {
      throw new InvalidTrainingDataError(
        `Floating-point under-/overflow occurred at epoch #${epoch}. ` +
          'Scaling input data with StandardScaler or MinMaxScaler might help.',
      );
    }
    const tol = options.tol;
    if (earlyStopping) {
      const score = problem.validationScore!(w, intercept);
      noImprovement = tol !== null && score < bestScore + tol ? noImprovement + 1 : 0;
      bestScore = Math.max(bestScore, score);
    } else {
      noImprovement = tol !== null && sumLoss > bestLoss - tol * n ? noImprovement + 1 : 0;
      bestLoss = Math.min(bestLoss, sumLoss);
    }
    if (noImprovement >= options.nIterNoChange) {
      if (learningRate === 'adaptive' && eta > 1e-6) {
        eta /= 5;
        noImprovement = 0;
      } else {
        converged = true;
        break;
      }
    }
  }
  // scikit-learn keeps the averaged weights once at least `average` steps were taken.
  const useAverage = average > 0 && average <= t - 1;
  return {
    coef: useAverage ? averaged : w,
    intercept: useAverage ? averagedIntercept : intercept,
    nIter: epoch,
    converged,
  };
}

/**
 * The cumulative L1 penalty: each weight is pulled towards 0 by the penalty accumulated so far
 * minus what it already received (never across 0).
 */
function truncateL1(w: Float64Array, applied: Float64Array, total: number): void {
  for (let j = 0; j < w.length; j++) {
    const before = w[j];
    if (before > 0) w[j] = Math.max(0, before - (total + applied[j]));
    else if (before < 0) w[j] = Math.min(0, before + (total - applied[j]));
    applied[j] += w[j] - before;
  }
}
