import type { Random } from '../core/random.js';

/**
 * How many times each of nRows rows is drawn in nDraws draws with replacement. Trees take the
 * counts as sample weights, which is how scikit-learn bags: a row drawn twice weighs 2.
 */
export function bootstrapCounts(rng: Random, nRows: number, nDraws: number): Float64Array {
  const counts = new Float64Array(nRows);
  for (let i = 0; i < nDraws; i++) counts[rng.int(nRows)] += 1;
  return counts;
}

/**
 * How many times each row is drawn in nDraws draws with replacement, row i with probability
 * weights[i] / sum(weights): AdaBoost.R2's resampling, as numpy's choice(p=weights) draws.
 */
export function weightedBootstrapCounts(rng: Random, weights: Float64Array, nDraws: number): Float64Array {
  const n = weights.length;
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += weights[i];
  const counts = new Float64Array(n);
  for (let draw = 0; draw < nDraws; draw++) {
    const u = rng.next() * total;
    // The first row whose cumulative weight exceeds u (numpy's searchsorted, side='right').
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    counts[lo] += 1;
  }
  return counts;
}
