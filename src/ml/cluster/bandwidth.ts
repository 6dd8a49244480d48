import type { Matrix } from '../core/matrix.js';
import { kthNeighbourDistances } from './neighbourhood.js';
import { roundHalfEven } from './round-half-even.js';

const EUCLIDEAN = { kind: 'euclidean', p: 2 } as const;

/**
 * scikit-learn's estimate_bandwidth with its defaults (quantile 0.3, every row): the mean over
 * rows of the distance to the row's int(0.3 n)-th nearest row, the row itself counted first.
 */
export function estimateBandwidth(X: Matrix, quantile = 0.3): number {
  const k = Math.max(1, Math.trunc(X.nRows * quantile));
  const distances = kthNeighbourDistances(X, k, EUCLIDEAN);
  let total = 0;
  for (let i = 0; i < distances.length; i++) total += distances[i];
  return total / X.nRows;
}

/**
 * Seeds on a grid of cell size binSize (scikit-learn's get_bin_seeds): each row is rounded to
 * its nearest grid point (halves to even, as numpy rounds), and grid points holding at least
 * minBinFreq rows become seeds, in order of first appearance. When every row lands in its own cell
 * binning gained nothing and the rows themselves are the seeds.
 */
export function binSeeds(X: Matrix, binSize: number, minBinFreq: number): Float64Array[] {
  const rows = rowsOf(X);
  if (binSize === 0) return rows;
  const counts = new Map<string, { cell: Float64Array; count: number }>();
  for (const row of rows) {
    const cell = row.map((value) => roundHalfEven(value / binSize));
    const key = cell.join(',');
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { cell, count: 1 });
  }
  const seeds = [...counts.values()].filter((entry) => entry.count >= minBinFreq).map((entry) => entry.cell.map((v) => v * binSize));
  return seeds.length === X.nRows ? rows : seeds;
}

export function rowsOf(X: Matrix): Float64Array[] {
  return Array.from({ length: X.nRows }, (_, i) => Float64Array.from({ length: X.nCols }, (_, f) => X.data[f * X.nRows + i]));
}
