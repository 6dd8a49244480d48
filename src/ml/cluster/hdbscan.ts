import type { Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { selectClusters } from './cluster-selection.js';
import { checkClusteringInput } from './clustering-input.js';
import { ClustererBase, clusteringSpec, type ClusteringFit } from './clusterer-base.js';
import { condenseTree, linkageTree } from './condensed-tree.js';
import { metricDef, resolveMetric, neighbourSearchDefs } from './distance-param.js';
import { kthNeighbourDistances } from './neighbourhood.js';
import { primSingleLinkage } from './single-linkage.js';

const MODEL_TYPE = 'hdbscan';

/** scikit-learn 1.3 names, defaults and constraints (HDBSCAN is not in 1.2; no store_centers). */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  { name: 'min_cluster_size', description: 'Fewest rows a cluster may have; smaller groups are noise.', default: 5, int: { min: 2 } },
  {
    name: 'min_samples',
    description: 'Neighbours (the row itself included) that set a row\'s core distance; null uses min_cluster_size.',
    default: null,
    int: { min: 1 },
    nullable: true,
  },
  {
    name: 'cluster_selection_epsilon',
    description: 'Clusters that split below this distance are merged back into their parent.',
    default: 0.0,
    float: { min: 0 },
  },
  { name: 'max_cluster_size', description: 'Largest cluster "eom" may keep; null means no limit.', default: null, int: { min: 1 }, nullable: true },
  metricDef('euclidean'),
  { name: 'alpha', description: 'Distances are divided by alpha before mutual reachability is taken.', default: 1.0, float: { min: 0, exclusiveMin: true } },
  ...neighbourSearchDefs(['auto', 'brute', 'kdtree', 'balltree'], 40),
  {
    name: 'cluster_selection_method',
    description: '"eom": the most stable clusters (excess of mass); "leaf": the finest clusters of the condensed tree.',
    default: 'eom',
    choices: ['eom', 'leaf'],
  },
  { name: 'allow_single_cluster', description: 'Allow the whole data set to be returned as one cluster.', default: false, bool: true },
];

/**
 * HDBSCAN (Campello, Moulavi and Sander 2013; McInnes and Healy 2017) with scikit-learn 1.3's
 * semantics: core distances, a minimum spanning tree of mutual reachability (Prim's, O(n^2) time
 * and O(n) memory), its single-linkage tree condensed at min_cluster_size, and the most stable
 * clusters of that tree. Rows in no selected cluster are noise (-1).
 */
export class Hdbscan extends ClustererBase<ClusteringFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
  }

  protected learn(X: Matrix, ctx: FitContext): ClusteringFit {
    checkClusteringInput(MODEL_TYPE, X, 2);
    const minClusterSize = this.params.min_cluster_size as number;
    const minSamples = (this.params.min_samples as number | null) ?? minClusterSize;
    if (minSamples > X.nRows) {
      throw new InvalidTrainingDataError(`min_samples (${minSamples}) must be at most the number of samples in X (${X.nRows})`);
    }
    const metric = resolveMetric(this.params.metric as string);
    const coreDistances = kthNeighbourDistances(X, minSamples, metric);
    const mst = primSingleLinkage(X, metric, ctx, { coreDistances, alpha: this.params.alpha as number });
    const condensed = condenseTree(linkageTree(mst), minClusterSize);
    const labels = selectClusters(condensed, {
      method: this.params.cluster_selection_method as 'eom' | 'leaf',
      allowSingleCluster: this.params.allow_single_cluster as boolean,
      epsilon: this.params.cluster_selection_epsilon as number,
      maxClusterSize: this.params.max_cluster_size as number | null,
    });
    return { labels };
  }

  protected encode(fit: ClusteringFit): { [key: string]: StateValue } {
    return { labels_: fit.labels };
  }
}

export const hdbscanSpec = clusteringSpec<ClusteringFit>({
  modelType: MODEL_TYPE,
  description: 'HDBSCAN: density-based clusters of varying density, the most stable ones of a density hierarchy; sparse rows are noise (-1).',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new Hdbscan(params),
  decode: (state) => ({ labels: state.int32('labels_') }),
});
