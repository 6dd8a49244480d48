import type { Matrix } from '../core/matrix.js';
import { reducedDistanceBlock, type DistanceMetric } from '../kernels/distances.js';
import { forEachNeighbourhood } from '../neighbors/nearest-neighbors.js';

/** Reduced distances from row `row` of `source` to every row of X, written to out[0 .. X.nRows). */
export function reducedDistancesFrom(metric: DistanceMetric, source: Matrix, row: number, X: Matrix, out: Float64Array): void {
  reducedDistanceBlock(metric, X.nCols, source.data, source.nRows, row, 1, X.data, X.nRows, out);
}

/**
 * Distance from each row to its k-th nearest row, the row itself counted as the first
 * (scikit-learn's kneighbors(X, k)[0][:, -1]): the core distance of OPTICS and HDBSCAN.
 */
export function kthNeighbourDistances(X: Matrix, k: number, metric: DistanceMetric): Float64Array {
  const out = new Float64Array(X.nRows);
  const reference = { data: X.data, nRows: X.nRows, nFeatures: X.nCols };
  forEachNeighbourhood(reference, X, k, metric, (row, _indices, distances) => {
    out[row] = distances[k - 1];
  });
  return out;
}

/** Rows of distances per block: 4 MiB of doubles whatever n is. */
const BLOCK_CELLS = 1 << 19;

/** How many rows lie within a reduced radius of each row, the row itself included. */
export function countWithinRadius(X: Matrix, metric: DistanceMetric, radius: number): Int32Array {
  const n = X.nRows;
  const counts = new Int32Array(n);
  const blockRows = Math.max(1, Math.min(n, Math.floor(BLOCK_CELLS / n)));
  const block = new Float64Array(blockRows * n);
  for (let start = 0; start < n; start += blockRows) {
    const count = Math.min(blockRows, n - start);
    reducedDistanceBlock(metric, X.nCols, X.data, n, start, count, X.data, n, block);
    for (let i = 0; i < count; i++) {
      let within = 0;
      const offset = i * n;
      for (let j = 0; j < n; j++) if (block[offset + j] <= radius) within++;
      counts[start + i] = within;
    }
  }
  return counts;
}
