import type { Matrix } from '../core/matrix.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import type { DistanceMetric } from '../kernels/distances.js';
import { checkClusteringInput } from './clustering-input.js';
import { ClustererBase, clusteringSpec, type ClusteringFit } from './clusterer-base.js';
import { metricDef, minkowskiPowerDef, reducedRadius, resolveMetric, neighbourSearchDefs } from './distance-param.js';
import { countWithinRadius, reducedDistancesFrom } from './neighbourhood.js';

const MODEL_TYPE = 'dbscan';

/** scikit-learn 1.2 names, defaults and constraints. */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  { name: 'eps', description: 'Radius of a neighbourhood: rows at most this far apart are neighbours.', default: 0.5, float: { min: 0, exclusiveMin: true } },
  {
    name: 'min_samples',
    description: 'Neighbours (the row itself included) a row needs within eps to be a core point.',
    default: 5,
    int: { min: 1 },
  },
  metricDef('euclidean'),
  minkowskiPowerDef(null),
  ...neighbourSearchDefs(['auto', 'ball_tree', 'kd_tree', 'brute'], 30),
];

export interface DbscanFit extends ClusteringFit {
  coreSampleIndices: Int32Array;
}

/** Density-based clustering (Ester et al. 1996) with scikit-learn's numbering of clusters and border points. */
export class Dbscan extends ClustererBase<DbscanFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
  }

  /** Indices of the core points, ascending. */
  get coreSampleIndices(): Int32Array {
    return this.requireFitted().coreSampleIndices;
  }

  protected learn(X: Matrix, ctx: FitContext): DbscanFit {
    checkClusteringInput(MODEL_TYPE, X);
    const metric = resolveMetric(this.params.metric as string, this.params.p as number | null);
    return dbscan(X, metric, this.params.eps as number, this.params.min_samples as number, ctx);
  }

  protected encode(fit: DbscanFit): { [key: string]: StateValue } {
    return { labels_: fit.labels, core_sample_indices_: fit.coreSampleIndices };
  }
}

/**
 * Core points have at least minSamples rows within eps. Clusters grow from the core points in
 * index order, each one fully before the next starts; a border point (not core, within eps of a
 * core point) joins the first cluster that reaches it, so clusters are numbered by their
 * lowest-index core point and the result does not depend on the order neighbours are visited,
 * exactly as in scikit-learn. Everything else is noise (-1). Neighbourhoods are recomputed when a
 * core point is expanded instead of being stored, so memory stays O(n) however large eps is.
 */
export function dbscan(X: Matrix, metric: DistanceMetric, eps: number, minSamples: number, ctx: FitContext = {}): DbscanFit {
  const n = X.nRows;
  const radius = reducedRadius(metric, eps);
  const counts = countWithinRadius(X, metric, radius);
  const labels = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n);
  const stack = new Int32Array(n);
  let nClusters = 0;
  let expanded = 0;
  for (let seed = 0; seed < n; seed++) {
    if (labels[seed] !== -1 || counts[seed] < minSamples) continue;
    labels[seed] = nClusters;
    stack[0] = seed;
    let depth = 1;
    while (depth > 0) {
      const row = stack[--depth];
      if (counts[row] < minSamples) continue;
      reducedDistancesFrom(metric, X, row, X, distances);
      for (let j = 0; j < n; j++) {
        if (labels[j] === -1 && distances[j] <= radius) {
          labels[j] = nClusters;
          stack[depth++] = j;
        }
      }
      if (++expanded % 256 === 0) ctx.onProgress?.(expanded / n);
    }
    nClusters++;
  }
  const coreSampleIndices = Int32Array.from({ length: n }, (_, i) => i).filter((i) => counts[i] >= minSamples);
  ctx.onProgress?.(1);
  return { labels, coreSampleIndices };
}

export const dbscanSpec = clusteringSpec<DbscanFit>({
  modelType: MODEL_TYPE,
  description: 'DBSCAN: clusters are dense regions (min_samples rows within eps); rows in no dense region are noise (-1).',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new Dbscan(params),
  decode: (state) => ({ labels: state.int32('labels_'), coreSampleIndices: state.int32('core_sample_indices_') }),
});
