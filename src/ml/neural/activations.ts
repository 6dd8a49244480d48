/** scikit-learn's MLP activation functions, applied in place to a block of values. */
export type Activation = 'identity' | 'logistic' | 'tanh' | 'relu';

export function activateInPlace(activation: Activation, values: Float64Array, length: number): void {
  switch (activation) {
    case 'identity':
      return;
    case 'logistic':
      for (let i = 0; i < length; i++) values[i] = 1 / (1 + Math.exp(-values[i]));
      return;
    case 'tanh':
      for (let i = 0; i < length; i++) values[i] = Math.tanh(values[i]);
      return;
    case 'relu':
      for (let i = 0; i < length; i++) if (values[i] < 0) values[i] = 0;
      return;
  }
}

/**
 * Multiplies `delta` by the activation's derivative, written in terms of the activation's output
 * z (as scikit-learn's inplace_*_derivative): logistic z (1 - z), tanh 1 - z^2, relu 0 where z = 0.
 */
export function multiplyByDerivative(activation: Activation, outputs: Float64Array, delta: Float64Array, length: number): void {
  switch (activation) {
    case 'identity':
      return;
    case 'logistic':
      for (let i = 0; i < length; i++) delta[i] *= outputs[i] * (1 - outputs[i]);
      return;
    case 'tanh':
      for (let i = 0; i < length; i++) delta[i] *= 1 - outputs[i] * outputs[i];
      return;
    case 'relu':
      for (let i = 0; i < length; i++) if (outputs[i] === 0) delta[i] = 0;
      return;
  }
}
