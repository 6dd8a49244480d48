import type { Matrix } from '../core/matrix.js';
import { reducedDistanceBlock } from '../kernels/distances.js';
import { assertClusterCount } from './cluster-count.js';
import { EUCLIDEAN } from './clustering-distance.js';
import { countCodes, encodeLabels } from './labels.js';

/** About 16 MB of distances per block, whatever the number of rows. */
const DEFAULT_BLOCK_CELLS = 1 << 21;

/**
 * Mean silhouette coefficient over all rows, Euclidean distance, exact (scikit-learn's
 * silhouette_score without sample_size). O(n^2) time but O(block x n) memory: rows are processed
 * in blocks whose distance rows to every point are reduced to per-cluster sums straight away, so
 * no n x n matrix ever exists.
 */
export function silhouetteScore(X: Matrix, labels: Int32Array, maxBlockCells?: number): number {
  const samples = silhouetteSamples(X, labels, maxBlockCells);
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i];
  return sum / samples.length;
}

/** Silhouette of every row; rows alone in their cluster get 0, as in scikit-learn. */
export function silhouetteSamples(X: Matrix, labels: Int32Array, maxBlockCells?: number): Float64Array {
  const n = X.nRows;
  if (labels.length !== n) throw new RangeError(`labels has ${labels.length} entries, X has ${n} rows`);
  const { codes, classes } = encodeLabels(labels);
  const nClusters = classes.length;
  assertClusterCount(nClusters, n);
  const clusterSizes = countCodes(codes, nClusters);

  const blockRows = Math.max(1, Math.floor((maxBlockCells ?? DEFAULT_BLOCK_CELLS) / n));
  // distances[i * n + j]: squared distance from block row i to row j.
  const distances = new Float64Array(Math.min(blockRows, n) * n);
  // distanceSums[i * nClusters + c]: summed distance from block row i to the members of cluster c.
  const distanceSums = new Float64Array(Math.min(blockRows, n) * nClusters);
  const result = new Float64Array(n);

  for (let start = 0; start < n; start += blockRows) {
    const rows = Math.min(blockRows, n - start);
    reducedDistanceBlock(EUCLIDEAN, X.nCols, X.data, n, start, rows, X.data, n, distances);
    distanceSums.fill(0);
    for (let i = 0; i < rows; i++) {
      const sums = distanceSums.subarray(i * nClusters, (i + 1) * nClusters);
      const rowDistances = distances.subarray(i * n, (i + 1) * n);
      for (let j = 0; j < n; j++) sums[codes[j]] += Math.sqrt(rowDistances[j]);
      result[start + i] = rowSilhouette(sums, codes[start + i], clusterSizes);
    }
  }
  return result;
}

/** (b - a) / max(a, b) from one row's summed distances to each cluster. */
function rowSilhouette(distanceSums: Float64Array, ownCluster: number, clusterSizes: Float64Array): number {
  const ownSize = clusterSizes[ownCluster];
  // A singleton has no intra-cluster distance; scikit-learn's 0/0 -> NaN -> nan_to_num gives 0.
  if (ownSize === 1) return 0;
  const intra = distanceSums[ownCluster] / (ownSize - 1);
  let nearest = Infinity;
  for (let c = 0; c < clusterSizes.length; c++) {
    if (c === ownCluster) continue;
    const mean = distanceSums[c] / clusterSizes[c];
    if (mean < nearest) nearest = mean;
  }
  const denominator = Math.max(intra, nearest);
  // Duplicate points split across clusters give a = b = 0: NaN in numpy, turned into 0 there too.
  return denominator === 0 ? 0 : (nearest - intra) / denominator;
}
