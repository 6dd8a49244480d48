import type { Matrix } from '../core/matrix.js';
import { InvalidHyperparameterError, InvalidTrainingDataError } from '../estimator/errors.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { checkClusteringInput } from './clustering-input.js';
import { ClustererBase, clusteringSpec, type ClusteringFit } from './clusterer-base.js';
import { clustersAboveThreshold, cutDendrogram, type Dendrogram } from './dendrogram.js';
import { metricDef, resolveMetric } from './distance-param.js';
import { nnChain, type ChainLinkage } from './nn-chain.js';
import { assertPairwiseFits, condensedCells } from './pairwise-limit.js';
import { primSingleLinkage } from './single-linkage.js';

const MODEL_TYPE = 'agglomerative_clustering';

export type Linkage = ChainLinkage | 'single';

/** scikit-learn 1.2 names, defaults and constraints (no connectivity, memory or deprecated affinity). */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  {
    name: 'n_clusters',
    description: 'Number of clusters to cut the tree into; must be null when distance_threshold is set.',
    default: 2,
    int: { min: 1 },
    nullable: true,
  },
  metricDef(null, ['euclidean', 'l2', 'manhattan', 'l1', 'cityblock']),
  {
    name: 'linkage',
    description: 'Distance between clusters: ward (least increase in variance), complete (farthest pair), average, or single (nearest pair).',
    default: 'ward',
    choices: ['ward', 'complete', 'average', 'single'],
  },
  {
    name: 'distance_threshold',
    description: 'Cut the tree where merges reach this linkage distance instead of at n_clusters (then n_clusters must be null).',
    default: null,
    float: { min: 0 },
    nullable: true,
  },
  {
    name: 'compute_full_tree',
    description: 'Accepted for compatibility: without a connectivity matrix the full tree is always built, as in scikit-learn.',
    default: 'auto',
    choices: ['auto'],
    bool: true,
  },
  { name: 'compute_distances', description: 'Keep the merge distances (distances_) in the model.', default: false, bool: true },
];

export interface AgglomerativeFit extends ClusteringFit {
  nClusters: number;
  /** Merge heights in merge order, kept when compute_distances or distance_threshold asks for them. */
  distances: Float64Array | null;
}

/**
 * Bottom-up hierarchical clustering with scikit-learn's answers: ward, complete and average by
 * the nearest-neighbour chain over a condensed distance table (scipy's algorithm, so O(n^2)
 * memory and refused past the pairwise limit); single linkage by Prim's minimum spanning tree in
 * O(n) memory.
 */
export class AgglomerativeClustering extends ClustererBase<AgglomerativeFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
    checkParameters(params);
  }

  /** Number of clusters found (scikit-learn's n_clusters_). */
  get nClusters(): number {
    return this.requireFitted().nClusters;
  }

  get distances(): Float64Array | null {
    return this.requireFitted().distances;
  }

  protected learn(X: Matrix, ctx: FitContext): AgglomerativeFit {
    checkClusteringInput(MODEL_TYPE, X, 2);
    const tree = buildTree(X, this.params.linkage as Linkage, this.params.metric as string | null, ctx);
    const threshold = this.params.distance_threshold as number | null;
    const nClusters = threshold === null ? (this.params.n_clusters as number) : clustersAboveThreshold(tree, threshold);
    if (nClusters > X.nRows) {
      throw new InvalidTrainingDataError(`n_clusters=${nClusters} is larger than n_samples=${X.nRows}`);
    }
    const keepDistances = threshold !== null || this.params.compute_distances === true;
    return { labels: cutDendrogram(tree, nClusters), nClusters, distances: keepDistances ? tree.distance : null };
  }

  protected encode(fit: AgglomerativeFit): { [key: string]: StateValue } {
    return { labels_: fit.labels, n_clusters_: fit.nClusters, distances_: fit.distances };
  }
}

/** The merge tree for a linkage; exported for Birch's global step. */
export function buildTree(X: Matrix, linkage: Linkage, metricName: string | null, ctx: FitContext = {}): Dendrogram {
  const metric = resolveMetric(metricName);
  if (linkage === 'single') return primSingleLinkage(X, metric, ctx);
  assertPairwiseFits(MODEL_TYPE, `a table of n(n-1)/2 pairwise distances for ${linkage} linkage`, X.nRows, condensedCells);
  return nnChain(X, metric, linkage, ctx);
}

function checkParameters(params: Readonly<ResolvedParams>): void {
  if ((params.n_clusters === null) === (params.distance_threshold === null)) {
    throw new InvalidHyperparameterError(
      'distance_threshold',
      'Exactly one of n_clusters and distance_threshold has to be set, and the other needs to be null',
    );
  }
  if (params.distance_threshold !== null && params.compute_full_tree === false) {
    throw new InvalidHyperparameterError('compute_full_tree', 'compute_full_tree must be true (or "auto") if distance_threshold is set');
  }
  if (params.linkage === 'ward' && (params.metric ?? 'euclidean') !== 'euclidean' && params.metric !== 'l2') {
    throw new InvalidHyperparameterError('metric', `${params.metric} was provided as metric. Ward can only work with euclidean distances`);
  }
}

export const agglomerativeClusteringSpec = clusteringSpec<AgglomerativeFit>({
  modelType: MODEL_TYPE,
  aliases: ['hierarchical', 'agglomerative'],
  description: 'Agglomerative (hierarchical) clustering: merges the closest clusters bottom-up (ward, complete, average or single linkage).',
  hyperparameters: HYPERPARAMETERS,
  checkParams: checkParameters,
  create: (params) => new AgglomerativeClustering(params),
  decode: (state) => ({
    labels: state.int32('labels_'),
    nClusters: state.number('n_clusters_'),
    distances: state.optionalFloat64('distances_'),
  }),
});
