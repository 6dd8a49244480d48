import type { Matrix } from '../core/matrix.js';
import type { FitContext } from '../estimator/estimator.js';
import { fromReduced, type DistanceMetric } from '../kernels/distances.js';
import { sortedByHeight, type Dendrogram } from './dendrogram.js';
import { reducedDistancesFrom } from './neighbourhood.js';

/**
 * HDBSCAN's mutual reachability: the distance between two rows becomes
 * max(core_i, core_j, distance / alpha), which pushes sparse rows away from everything.
 */
export interface MutualReachability {
  coreDistances: Float64Array;
  alpha: number;
}

/**
 * Single linkage from a minimum spanning tree grown by Prim's algorithm over the implicit complete
 * graph: O(n^2) time and O(n) memory, so it needs no pairwise table. The edges are recorded as
 * scikit-learn's mst_linkage_core records them (from the node added last to the node added next,
 * ties to the lowest index: Muellner's MST-LINKAGE-CORE, whose path of edges has the tree's single
 * linkage), then stably sorted by length; cutting the k - 1 longest therefore removes the same
 * edges scikit-learn removes, even among equal lengths. With `reachability` the edge lengths are
 * mutual reachability distances (HDBSCAN's tree).
 */
export function primSingleLinkage(
  X: Matrix,
  metric: DistanceMetric,
  ctx: FitContext = {},
  reachability: MutualReachability | null = null,
): Dendrogram {
  const n = X.nRows;
  const inTree = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  const row = new Float64Array(n);
  const from = new Int32Array(n - 1);
  const to = new Int32Array(n - 1);
  const length = new Float64Array(n - 1);
  let current = 0;
  for (let e = 0; e < n - 1; e++) {
    inTree[current] = 1;
    reducedDistancesFrom(metric, X, current, X, row);
    let next = 0;
    let best = Number.MAX_VALUE;
    for (let j = 0; j < n; j++) {
      if (inTree[j]) continue;
      let distance = fromReduced(metric, row[j]);
      if (reachability !== null) {
        const { coreDistances: core, alpha } = reachability;
        distance = Math.max(core[current], core[j], distance / alpha);
      }
      if (distance < nearest[j]) nearest[j] = distance;
      if (nearest[j] < best) {
        best = nearest[j];
        next = j;
      }
    }
    from[e] = current;
    to[e] = next;
    length[e] = best;
    current = next;
    if ((e & 255) === 255) ctx.onProgress?.(e / (n - 1));
  }
  return sortedByHeight(n, from, to, length);
}
