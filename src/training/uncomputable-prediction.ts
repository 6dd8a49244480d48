import type { Predictions } from './saved-model.js';

/**
 * Inputs the model's arithmetic cannot carry: a prediction or class probability overflowed to
 * infinity or became NaN (1e308 through a linear model, 1e160 squared in naive Bayes). Such numbers
 * are no answer, and JSON cannot hold them.
 */
export class UncomputablePredictionError extends Error {
  override name = 'UncomputablePredictionError';
}

/** What is wrong, naming the first record whose prediction or a class probability is not finite; null when all are. */
export function uncomputablePrediction({ predictions, probabilities }: Predictions, where: (row: number) => string): string | null {
  for (let i = 0; i < predictions.length; i++) {
    const value = predictions[i];
    const finiteValue = typeof value !== 'number' || Number.isFinite(value);
    if (!finiteValue || (probabilities && !Object.values(probabilities[i]).every(Number.isFinite))) {
      return `${where(i)}: the inputs are outside what the model can compute: its numbers overflow and give no finite prediction (are some values far outside the training data's range?)`;
    }
  }
  return null;
}
