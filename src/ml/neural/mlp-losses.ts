import type { OutputActivation } from './mlp-network.js';

/** float64 machine epsilon: scikit-learn clips probabilities to [eps, 1 - eps] before taking logs. */
const EPS = 2.220446049250313e-16;

/**
 * The mean loss of a batch of outputs (row-major, nOutputs each) against targets, as scikit-learn's
 * squared_loss (halved mean squared error), binary_log_loss and log_loss.
 */
export function batchLoss(
  output: OutputActivation,
  outputs: Float64Array,
  targets: Float64Array,
  batch: number,
  nOutputs: number,
): number {
  const cells = batch * nOutputs;
  let total = 0;
  if (output === 'identity') {
    for (let c = 0; c < cells; c++) total += (targets[c] - outputs[c]) ** 2;
    return total / cells / 2;
  }
  for (let c = 0; c < cells; c++) {
    const probability = Math.min(1 - EPS, Math.max(EPS, outputs[c]));
    if (targets[c] !== 0) total -= targets[c] * Math.log(probability);
    if (output === 'logistic' && targets[c] !== 1) total -= (1 - targets[c]) * Math.log(1 - probability);
  }
  return total / batch;
}
