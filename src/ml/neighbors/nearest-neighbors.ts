import type { Matrix } from '../core/matrix.js';
import { fromReduced, reducedDistanceBlock, type DistanceMetric } from '../kernels/distances.js';
import { smallestK } from '../kernels/smallest-k.js';

/** Reference points for a brute-force neighbour search: column-major nRows x nFeatures. */
export interface ReferencePoints {
  data: Float64Array;
  nRows: number;
  nFeatures: number;
}

/** Receives one query row's k neighbours, nearest first; the arrays are reused for the next row. */
export type NeighbourVisitor = (queryRow: number, indices: Int32Array, distances: Float64Array) => void;

/** Distance cells per block: 8 MB of Float64, whatever the number of reference rows. */
const BLOCK_CELLS = 1 << 20;

/**
 * Brute-force k nearest neighbours of every query row: reduced distances for a block of query rows
 * at a time, then a partial selection of the k smallest per row. Equal distances are broken by the
 * lower reference index, i.e. the order a stable sort of the distances gives.
 */
export function forEachNeighbourhood(
  reference: ReferencePoints,
  queries: Matrix,
  k: number,
  metric: DistanceMetric,
  visit: NeighbourVisitor,
): void {
  const nReference = reference.nRows;
  const blockRows = Math.max(1, Math.min(queries.nRows, Math.floor(BLOCK_CELLS / nReference)));
  const block = new Float64Array(blockRows * nReference);
  const indices = new Int32Array(k);
  const distances = new Float64Array(k);
  for (let start = 0; start < queries.nRows; start += blockRows) {
    const count = Math.min(blockRows, queries.nRows - start);
    reducedDistanceBlock(
      metric,
      reference.nFeatures,
      queries.data,
      queries.nRows,
      start,
      count,
      reference.data,
      nReference,
      block,
    );
    for (let i = 0; i < count; i++) {
      smallestK(nReference, block, i * nReference, k, distances, indices);
      for (let t = 0; t < k; t++) distances[t] = fromReduced(metric, distances[t]);
      visit(start + i, indices, distances);
    }
  }
}
