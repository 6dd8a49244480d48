import type { Matrix } from '../core/matrix.js';
import type { FitContext } from '../estimator/estimator.js';
import { fromReduced, type DistanceMetric } from '../kernels/distances.js';
import { reducedRadius } from './distance-param.js';
import { kthNeighbourDistances, reducedDistancesFrom } from './neighbourhood.js';
import { roundHalfEven } from './round-half-even.js';

export interface OpticsGraph {
  /** Rows in the order OPTICS visits them. */
  ordering: Int32Array;
  /** Distance to the min_samples-th nearest row (the row itself counted); Infinity past max_eps. */
  coreDistances: Float64Array;
  /** Reachability distance of each row from the rows visited before it; Infinity when unreached. */
  reachability: Float64Array;
  /** The row each row was reached from, -1 for none. */
  predecessor: Int32Array;
}

/**
 * numpy.around(x, 15): scikit-learn rounds core and reachability distances to 15 decimals so that
 * rounding noise does not decide the visiting order; we round the same way (multiply, round half
 * to even, divide) to make the same decisions.
 */
export function around15(x: number): number {
  return roundHalfEven(x * 1e15) / 1e15;
}

/**
 * The OPTICS ordering (Ankerst et al. 1999) as scikit-learn computes it: repeatedly visit the
 * unvisited row of smallest reachability (ties and all-infinite: the lowest index), and if it is a
 * core point, lower the reachability of every unvisited row within max_eps to
 * max(distance, its core distance). O(n^2) time, O(n) memory: distances from the visited row are
 * computed when needed and never stored.
 */
export function opticsGraph(X: Matrix, minSamples: number, maxEps: number, metric: DistanceMetric, ctx: FitContext = {}): OpticsGraph {
  const n = X.nRows;
  const coreDistances = kthNeighbourDistances(X, minSamples, metric).map((d) => (d > maxEps ? Infinity : around15(d)));
  const reachability = new Float64Array(n).fill(Infinity);
  const predecessor = new Int32Array(n).fill(-1);
  const ordering = new Int32Array(n);
  const processed = new Uint8Array(n);
  const distances = new Float64Array(n);
  const radius = reducedRadius(metric, maxEps);
  for (let step = 0; step < n; step++) {
    let point = -1;
    for (let i = 0; i < n; i++) {
      if (!processed[i] && (point === -1 || reachability[i] < reachability[point])) point = i;
    }
    processed[point] = 1;
    ordering[step] = point;
    const core = coreDistances[point];
    if (core !== Infinity) {
      reducedDistancesFrom(metric, X, point, X, distances);
      for (let j = 0; j < n; j++) {
        if (processed[j] || !(distances[j] <= radius)) continue;
        const distance = fromReduced(metric, distances[j]);
        const reach = around15(distance > core ? distance : core);
        if (reach < reachability[j]) {
          reachability[j] = reach;
          predecessor[j] = point;
        }
      }
    }
    if ((step & 255) === 255) ctx.onProgress?.(step / n);
  }
  return { ordering, coreDistances, reachability, predecessor };
}
