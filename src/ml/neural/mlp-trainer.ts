import { Random } from '../core/random.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { ResolvedParams } from '../estimator/hyperparameters.js';
import { minimizeLbfgs } from '../linear/lbfgs.js';
import { validationSplit } from '../preprocessing/validation-split.js';
import { batchLoss } from './mlp-losses.js';
import {
  backward,
  forward,
  initialParameters,
  MlpWorkspace,
  outputsOfRows,
  weightPenalty,
  type MlpShape,
} from './mlp-network.js';
import { batchSize } from './mlp-params.js';
import { Adam, MomentumSgd, type SgdSchedule, type StochasticOptimizer } from './optimizers.js';

/** Training rows for an MLP: inputs and targets row-major (targets one-hot or 0/1 for classifiers). */
export interface MlpData {
  inputs: Float64Array;
  targets: Float64Array;
  nRows: number;
  /** Classes of the rows, to stratify the early-stopping split (classifiers only). */
  stratifyBy?: Int32Array;
  /** Score of the network's outputs (row-major) on some of the rows (accuracy, or R^2): what early stopping watches. */
  score: (outputs: Float64Array, rows: Uint32Array) => number;
}

export interface MlpTraining {
  parameters: Float64Array;
  /** Epochs (or L-BFGS iterations) run: scikit-learn's n_iter_. */
  nIter: number;
  /** Final training loss (scikit-learn's loss_). */
  loss: number;
  /** Whether it stopped before max_iter. */
  converged: boolean;
}

/** Fits the network's parameters from Glorot-uniform initial values, by the solver the parameters name. */
export function trainMlp(
  shape: MlpShape,
  params: Readonly<ResolvedParams>,
  data: MlpData,
  onProgress?: (fraction: number) => void,
): MlpTraining {
  const rng = new Random((params.random_state as number | null) ?? 0);
  const initial = initialParameters(shape, rng);
  return params.solver === 'lbfgs'
    ? trainFullBatch(shape, params, data, initial, onProgress)
    : trainStochastic(shape, params, data, initial, rng, onProgress);
}

/** Mean loss plus weight penalty, and its gradient, over a block of rows. */
function lossAndGradient(
  shape: MlpShape,
  parameters: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  batch: number,
  alpha: number,
  work: MlpWorkspace,
  gradient: Float64Array,
): number {
  const outputs = forward(shape, parameters, inputs, batch, work);
  const nOutputs = shape.units[shape.units.length - 1];
  const loss = batchLoss(shape.output, outputs, targets, batch, nOutputs) + weightPenalty(shape, parameters, alpha, batch);
  backward(shape, parameters, targets, batch, alpha, work, gradient);
  return loss;
}

/** scikit-learn's _fit_lbfgs: scipy's L-BFGS-B on the full-batch loss, limited by max_iter, tol and max_fun. */
function trainFullBatch(
  shape: MlpShape,
  params: Readonly<ResolvedParams>,
  data: MlpData,
  initial: Float64Array,
  onProgress?: (fraction: number) => void,
): MlpTraining {
  const work = new MlpWorkspace(shape, data.nRows);
  const alpha = params.alpha as number;
  const maxIter = params.max_iter as number;
  const result = minimizeLbfgs(
    (parameters, gradient) => lossAndGradient(shape, parameters, data.inputs, data.targets, data.nRows, alpha, work, gradient),
    initial,
    {
      maxIter,
      gtol: params.tol as number,
      maxEvaluations: params.max_fun as number,
      onIteration: (iteration) => onProgress?.(iteration / maxIter),
    },
  );
  return {
    parameters: result.x,
    nIter: result.nIter,
    loss: result.f,
    converged: result.status === 'gradient' || result.status === 'decrease',
  };
}

/**
 * scikit-learn's _fit_stochastic: epochs of shuffled mini-batches, each batch's gradient stepped by
 * Adam or momentum SGD; stop after n_iter_no_change + 1 epochs in a row without improving the
 * training loss (or, with early_stopping, the validation score) by tol, keeping the best weights
 * under early stopping.
 */
function trainStochastic(
  shape: MlpShape,
  params: Readonly<ResolvedParams>,
  data: MlpData,
  parameters: Float64Array,
  rng: Random,
  onProgress?: (fraction: number) => void,
): MlpTraining {
  const nInputs = shape.units[0];
  const nOutputs = shape.units[shape.units.length - 1];
  const { training, validation } = earlyStoppingSplit(params, data, rng);
  const validationInputs = validation ? gatherRows(data.inputs, nInputs, validation) : null;
  const n = training.length;
  const size = batchSize(params, n);
  const work = new MlpWorkspace(shape, size);
  const gradient = new Float64Array(parameters.length);
  const batchInputs = new Float64Array(size * nInputs);
  const batchTargets = new Float64Array(size * nOutputs);
  const optimizer = optimizerFor(params, parameters.length);
  const alpha = params.alpha as number;
  const tol = params.tol as number;
  const maxIter = params.max_iter as number;
  const order = Uint32Array.from(training);
  let best = params.early_stopping === true ? -Infinity : Infinity;
  let bestParameters = parameters;
  let noImprovement = 0;
  let epoch = 0;
  let loss = 0;
  let converged = false;
  while (epoch < maxIter) {
    if (params.shuffle === true) rng.shuffle(order);
    let accumulated = 0;
    for (let start = 0; start < n; start += size) {
      const batch = Math.min(size, n - start);
      for (let r = 0; r < batch; r++) {
        const row = order[start + r];
        batchInputs.set(data.inputs.subarray(row * nInputs, (row + 1) * nInputs), r * nInputs);
        batchTargets.set(data.targets.subarray(row * nOutputs, (row + 1) * nOutputs), r * nOutputs);
      }
      accumulated += batch * lossAndGradient(shape, parameters, batchInputs, batchTargets, batch, alpha, work, gradient);
      optimizer.update(parameters, gradient);
    }
    epoch++;
    loss = accumulated / n;
    if (!Number.isFinite(loss)) {
      throw new InvalidTrainingDataError(
        `The MLP's loss became ${loss} at epoch ${epoch}: scale the features or lower learning_rate_init`,
      );
    }
    if (validation) {
      const score = data.score(outputsOfRows(shape, parameters, validationInputs!, validation.length), validation);
      noImprovement = score < best + tol ? noImprovement + 1 : 0;
      if (score > best) {
        best = score;
        bestParameters = Float64Array.from(parameters);
      }
    } else {
      noImprovement = loss > best - tol ? noImprovement + 1 : 0;
      best = Math.min(best, loss);
    }
    optimizer.iterationEnds(epoch * n);
    onProgress?.(epoch / maxIter);
    if (noImprovement > (params.n_iter_no_change as number)) {
      if (optimizer.triggerStopping()) {
        converged = true;
        break;
      }
      noImprovement = 0;
    }
  }
  return { parameters: validation ? bestParameters : parameters, nIter: epoch, loss, converged };
}

function optimizerFor(params: Readonly<ResolvedParams>, size: number): StochasticOptimizer {
  const learningRate = params.learning_rate_init as number;
  if (params.solver === 'adam') {
    return new Adam(size, learningRate, params.beta_1 as number, params.beta_2 as number, params.epsilon as number);
  }
  return new MomentumSgd(
    size,
    learningRate,
    params.learning_rate as SgdSchedule,
    params.momentum as number,
    params.nesterovs_momentum as boolean,
    params.power_t as number,
  );
}

/** The rows to learn from and, with early_stopping, the validation rows (stratified for classifiers). */
function earlyStoppingSplit(
  params: Readonly<ResolvedParams>,
  data: MlpData,
  rng: Random,
): { training: Uint32Array; validation: Uint32Array | null } {
  const all = Uint32Array.from({ length: data.nRows }, (_, i) => i);
  if (params.early_stopping !== true) return { training: all, validation: null };
  const split = validationSplit(data.nRows, params.validation_fraction as number, rng.fork(), data.stratifyBy);
  return { training: split.train, validation: split.test };
}

/** The given rows of a row-major block, in order. */
function gatherRows(values: Float64Array, width: number, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length * width);
  rows.forEach((row, r) => out.set(values.subarray(row * width, (row + 1) * width), r * width));
  return out;
}
