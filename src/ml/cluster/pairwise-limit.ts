import { InvalidTrainingDataError } from '../estimator/errors.js';

/**
 * Algorithms that keep an n x n (or n(n-1)/2) table of pairwise values in memory refuse inputs
 * whose table would pass this many cells: 2^25 doubles are 256 MiB, which leaves room for the
 * server and other runs on a small machine. scikit-learn has no such guard and simply runs out of
 * memory; a clear refusal up front is kinder.
 */
export const MAX_PAIRWISE_CELLS = 2 ** 25;

/** Largest n whose cell count `cellsFor(n)` stays within MAX_PAIRWISE_CELLS. */
export function maxRowsFor(cellsFor: (n: number) => number): number {
  let lo = 1;
  let hi = 1 << 20;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (cellsFor(mid) <= MAX_PAIRWISE_CELLS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const squareCells = (n: number): number => n * n;
export const condensedCells = (n: number): number => (n * (n - 1)) / 2;

/** Throws when `nRows` rows would need a pairwise table larger than the limit. */
export function assertPairwiseFits(modelType: string, what: string, nRows: number, cellsFor: (n: number) => number): void {
  if (cellsFor(nRows) <= MAX_PAIRWISE_CELLS) return;
  const limit = maxRowsFor(cellsFor);
  throw new InvalidTrainingDataError(
    `${modelType} keeps ${what} in memory and accepts at most ${limit} rows; got n_samples=${nRows}. ` +
      'Sample the data set down, or choose a model that scales (kmeans, mini_batch_kmeans or birch).',
  );
}
