import type { Random } from '../core/random.js';
import { softmaxInPlace } from '../kernels/softmax.js';
import { activateInPlace, multiplyByDerivative, type Activation } from './activations.js';

export type OutputActivation = 'identity' | 'logistic' | 'softmax';

/** Rows pushed through the network at a time when predicting, so memory stays bounded on large inputs. */
const PREDICTION_BLOCK = 1024;

/**
 * The shape of a multilayer perceptron and where each layer's parameters sit in one packed vector:
 * layer l has a fanIn x fanOut weight block (row-major, as scikit-learn's coefs_[l]) followed by its
 * fanOut intercepts. One vector lets the optimisers (Adam, SGD, L-BFGS) treat every parameter alike.
 */
export interface MlpShape {
  /** Units per layer, inputs first and outputs last. */
  units: number[];
  hidden: Activation;
  output: OutputActivation;
}

export function parameterCount(shape: MlpShape): number {
  let count = 0;
  for (let l = 0; l + 1 < shape.units.length; l++) count += (shape.units[l] + 1) * shape.units[l + 1];
  return count;
}

/** Offset of layer l's weights in the packed vector; its intercepts follow them. */
function layerOffset(shape: MlpShape, layer: number): number {
  let offset = 0;
  for (let l = 0; l < layer; l++) offset += (shape.units[l] + 1) * shape.units[l + 1];
  return offset;
}

/**
 * Glorot-uniform initial parameters, as scikit-learn's _init_coef: weights and intercepts drawn from
 * U(-b, b) with b = sqrt(6 / (fanIn + fanOut)), or sqrt(2 / ...) when the hidden activation is logistic.
 */
export function initialParameters(shape: MlpShape, rng: Random): Float64Array {
  const parameters = new Float64Array(parameterCount(shape));
  const factor = shape.hidden === 'logistic' ? 2 : 6;
  let offset = 0;
  for (let l = 0; l + 1 < shape.units.length; l++) {
    const size = (shape.units[l] + 1) * shape.units[l + 1];
    const bound = Math.sqrt(factor / (shape.units[l] + shape.units[l + 1]));
    for (let i = 0; i < size; i++) parameters[offset + i] = (2 * rng.next() - 1) * bound;
    offset += size;
  }
  return parameters;
}

/** Buffers for one batch: each layer's outputs (batch x units, row-major) and its backpropagated errors. */
export class MlpWorkspace {
  readonly activations: Float64Array[];
  readonly deltas: Float64Array[];

  constructor(
    readonly shape: MlpShape,
    readonly capacity: number,
  ) {
    this.activations = shape.units.map((units) => new Float64Array(capacity * units));
    this.deltas = shape.units.map((units) => new Float64Array(capacity * units));
  }
}

/**
 * Forward pass over `batch` rows (row-major inputs): fills the workspace's activations and returns
 * the output layer's (batch x nOutputs, row-major).
 */
export function forward(shape: MlpShape, parameters: Float64Array, inputs: Float64Array, batch: number, work: MlpWorkspace): Float64Array {
  const { units } = shape;
  work.activations[0].set(inputs.subarray(0, batch * units[0]));
  const last = units.length - 1;
  for (let l = 0; l < last; l++) {
    const fanIn = units[l];
    const fanOut = units[l + 1];
    const offset = layerOffset(shape, l);
    const input = work.activations[l];
    const output = work.activations[l + 1];
    for (let r = 0; r < batch; r++) {
      const out = r * fanOut;
      for (let o = 0; o < fanOut; o++) output[out + o] = parameters[offset + fanIn * fanOut + o];
      for (let i = 0; i < fanIn; i++) {
        const value = input[r * fanIn + i];
        if (value === 0) continue;
        const weights = offset + i * fanOut;
        for (let o = 0; o < fanOut; o++) output[out + o] += value * parameters[weights + o];
      }
    }
    if (l + 1 < last) activateInPlace(shape.hidden, output, batch * fanOut);
    else if (shape.output === 'logistic') activateInPlace('logistic', output, batch * fanOut);
    else if (shape.output === 'softmax') for (let r = 0; r < batch; r++) softmaxInPlace(output, r * fanOut, 1, fanOut);
  }
  return work.activations[last];
}

/**
 * Gradient of the mean loss plus (alpha / 2) ||W||^2 / batch over the parameters, as scikit-learn's
 * _backprop, after a forward pass: the output error is output - target for each of the three
 * output/loss pairs (identity/squared, logistic/binary log-loss, softmax/log-loss).
 */
export function backward(
  shape: MlpShape,
  parameters: Float64Array,
  targets: Float64Array,
  batch: number,
  alpha: number,
  work: MlpWorkspace,
  gradient: Float64Array,
): void {
  const { units } = shape;
  const last = units.length - 1;
  const outputs = work.activations[last];
  const outputDelta = work.deltas[last];
  for (let c = 0; c < batch * units[last]; c++) outputDelta[c] = outputs[c] - targets[c];
  for (let l = last - 1; l >= 0; l--) {
    const fanIn = units[l];
    const fanOut = units[l + 1];
    const offset = layerOffset(shape, l);
    const input = work.activations[l];
    const delta = work.deltas[l + 1];
    // Weights: (input' delta + alpha W) / batch; intercepts: the mean delta.
    for (let i = 0; i < fanIn; i++) {
      const weights = offset + i * fanOut;
      for (let o = 0; o < fanOut; o++) gradient[weights + o] = alpha * parameters[weights + o];
    }
    for (let o = 0; o < fanOut; o++) gradient[offset + fanIn * fanOut + o] = 0;
    for (let r = 0; r < batch; r++) {
      for (let i = 0; i < fanIn; i++) {
        const value = input[r * fanIn + i];
        if (value === 0) continue;
        const weights = offset + i * fanOut;
        for (let o = 0; o < fanOut; o++) gradient[weights + o] += value * delta[r * fanOut + o];
      }
      for (let o = 0; o < fanOut; o++) gradient[offset + fanIn * fanOut + o] += delta[r * fanOut + o];
    }
    for (let c = offset; c < offset + (fanIn + 1) * fanOut; c++) gradient[c] /= batch;
    if (l === 0) break;
    // The error of the layer below: delta W', times the hidden activation's derivative.
    const below = work.deltas[l];
    for (let r = 0; r < batch; r++) {
      for (let i = 0; i < fanIn; i++) {
        let sum = 0;
        const weights = offset + i * fanOut;
        for (let o = 0; o < fanOut; o++) sum += delta[r * fanOut + o] * parameters[weights + o];
        below[r * fanIn + i] = sum;
      }
    }
    multiplyByDerivative(shape.hidden, input, below, batch * fanIn);
  }
}

/** (alpha / 2) ||W||^2 / batch: the penalty scikit-learn adds to each batch's loss (intercepts are not penalised). */
export function weightPenalty(shape: MlpShape, parameters: Float64Array, alpha: number, batch: number): number {
  let squares = 0;
  for (let l = 0; l + 1 < shape.units.length; l++) {
    const offset = layerOffset(shape, l);
    for (let c = offset; c < offset + shape.units[l] * shape.units[l + 1]; c++) squares += parameters[c] * parameters[c];
  }
  return (0.5 * alpha * squares) / batch;
}

/** Forward passes over row-major inputs, a block of rows at a time. */
export function outputsOfRows(shape: MlpShape, parameters: Float64Array, inputs: Float64Array, nRows: number): Float64Array {
  const nInputs = shape.units[0];
  const nOutputs = shape.units[shape.units.length - 1];
  const out = new Float64Array(nRows * nOutputs);
  const work = new MlpWorkspace(shape, Math.min(PREDICTION_BLOCK, Math.max(1, nRows)));
  for (let start = 0; start < nRows; start += work.capacity) {
    const batch = Math.min(work.capacity, nRows - start);
    const outputs = forward(shape, parameters, inputs.subarray(start * nInputs, (start + batch) * nInputs), batch, work);
    out.set(outputs.subarray(0, batch * nOutputs), start * nOutputs);
  }
  return out;
}
