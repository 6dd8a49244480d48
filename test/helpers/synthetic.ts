import { Random } from '../../src/ml/core/random.js';

/**
 * A CSV big enough that a forest on it trains for many seconds: the way tests get a run that is
 * still `running` when they act on it. Two noisy classes from a linear rule over `features` columns.
 */
export function slowClassificationCsv(rows = 20_000, features = 10, seed = 7): string {
  const rng = new Random(seed);
  const header = [...Array.from({ length: features }, (_, i) => `f${i}`), 'label'].join(',');
  const lines = [header];
  for (let r = 0; r < rows; r++) {
    const values = Array.from({ length: features }, () => rng.normal());
    const score = values.reduce((s, v, i) => s + v * (i % 3 === 0 ? 1 : -0.5), 0) + rng.normal();
    lines.push([...values.map((v) => v.toFixed(5)), score > 0 ? 'yes' : 'no'].join(','));
  }
  return lines.join('\n');
}

/** Hyperparameters that keep a forest busy on slowClassificationCsv for far longer than any test waits. */
export const SLOW_FOREST = { n_estimators: 5000, max_features: null, min_samples_leaf: 1 };
