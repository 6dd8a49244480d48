import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { InvalidHyperparameterError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import type { Activation } from './activations.js';
import { batchLoss } from './mlp-losses.js';
import {
  backward,
  forward,
  initialParameters,
  MlpWorkspace,
  outputsOfRows,
  parameterCount,
  weightPenalty,
  type MlpShape,
  type OutputActivation,
} from './mlp-network.js';
import { mlpHyperparameters } from './mlp-params.js';

/** The loss scikit-learn's _backprop returns for a batch: mean loss plus the weight penalty. */
function loss(shape: MlpShape, parameters: Float64Array, inputs: Float64Array, targets: Float64Array, batch: number, alpha: number): number {
  const work = new MlpWorkspace(shape, batch);
  const outputs = forward(shape, parameters, inputs, batch, work);
  return batchLoss(shape.output, outputs, targets, batch, shape.units.at(-1)!) + weightPenalty(shape, parameters, alpha, batch);
}

const CASES: Array<[Activation, OutputActivation, number]> = [
  ['relu', 'identity', 1],
  ['tanh', 'logistic', 1],
  ['logistic', 'softmax', 3],
  ['identity', 'softmax', 3],
];

describe('the MLP network', () => {
  it.each(CASES)('backpropagates the exact gradient (%s hidden, %s output), checked against finite differences', (hidden, output, nOutputs) => {
    const rng = new Random(3);
    const shape: MlpShape = { units: [4, 5, 3, nOutputs], hidden, output };
    const parameters = initialParameters(shape, rng);
    const batch = 6;
    const inputs = Float64Array.from({ length: batch * 4 }, () => rng.normal());
    const targets = new Float64Array(batch * nOutputs);
    for (let r = 0; r < batch; r++) {
      if (output === 'identity') targets[r] = rng.normal();
      else if (output === 'logistic') targets[r] = r % 2;
      else targets[r * nOutputs + (r % nOutputs)] = 1;
    }
    const alpha = 0.3;
    const work = new MlpWorkspace(shape, batch);
    forward(shape, parameters, inputs, batch, work);
    const gradient = new Float64Array(parameters.length);
    backward(shape, parameters, targets, batch, alpha, work, gradient);
    // Central differences: O(h^2) truncation, so 1e-6 agreement is far above rounding.
    const h = 1e-5;
    for (let c = 0; c < parameters.length; c++) {
      const saved = parameters[c];
      parameters[c] = saved + h;
      const up = loss(shape, parameters, inputs, targets, batch, alpha);
      parameters[c] = saved - h;
      const down = loss(shape, parameters, inputs, targets, batch, alpha);
      parameters[c] = saved;
      // relu's kink at 0 is never hit by these random pre-activations.
      expect(Math.abs((up - down) / (2 * h) - gradient[c]), `parameter ${c}`).toBeLessThan(1e-6);
    }
  });

  it('draws Glorot-uniform initial weights within sqrt(6 / (fan in + fan out)), sqrt(2 / ...) for logistic', () => {
    for (const [hidden, factor] of [['relu', 6], ['logistic', 2]] as const) {
      const shape: MlpShape = { units: [10, 20, 2], hidden, output: 'softmax' };
      const parameters = initialParameters(shape, new Random(1));
      expect(parameters).toHaveLength(parameterCount(shape));
      expect(parameterCount(shape)).toBe(11 * 20 + 21 * 2);
      const firstLayer = parameters.subarray(0, 11 * 20);
      const bound = Math.sqrt(factor / 30);
      expect(Math.max(...firstLayer.map(Math.abs))).toBeLessThanOrEqual(bound);
      expect(Math.max(...firstLayer.map(Math.abs))).toBeGreaterThan(0.9 * bound);
    }
  });

  it('predicts block by block exactly as in one pass', () => {
    const shape: MlpShape = { units: [3, 4, 2], hidden: 'tanh', output: 'softmax' };
    const parameters = initialParameters(shape, new Random(5));
    const rng = new Random(9);
    const nRows = 2500;
    const inputs = Float64Array.from({ length: nRows * 3 }, () => rng.normal());
    const blocked = outputsOfRows(shape, parameters, inputs, nRows);
    const whole = forward(shape, parameters, inputs, nRows, new MlpWorkspace(shape, nRows));
    expect(blocked).toEqual(whole.slice(0, nRows * 2));
  });

  it('takes hidden_layer_sizes as a number or a list, as scikit-learn does', () => {
    const resolve = (value: unknown) => resolveHyperparameters('mlp_classifier', mlpHyperparameters, { hidden_layer_sizes: value });
    expect(resolve(16).hidden_layer_sizes).toBe(16);
    expect(resolve([64, 32]).hidden_layer_sizes).toEqual([64, 32]);
    for (const bad of [[], [0], [8, 2.5], ['8'], 0]) {
      expect(() => resolve(bad)).toThrow(
        new InvalidHyperparameterError(
          'hidden_layer_sizes',
          `Invalid hyperparameter 'hidden_layer_sizes' for mlp_classifier: got ${JSON.stringify(bad)}, allowed: an integer >= 1, or a list of integers >= 1`,
        ),
      );
    }
  });
});
