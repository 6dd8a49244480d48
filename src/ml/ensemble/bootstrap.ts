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
