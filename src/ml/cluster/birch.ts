import { createMatrix, type Matrix } from '../core/matrix.js';
import type { FitContext } from '../estimator/estimator.js';
import type { HyperparameterDef, ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { buildTree } from './agglomerative.js';
import { nearestCentres } from './assign.js';
import { CfNode, splitNode, Subcluster } from './cf-tree.js';
import { checkClusteringInput, checkPredictionInput } from './clustering-input.js';
import { ClustererBase, clusteringSpec, type ClusteringFit } from './clusterer-base.js';
import { cutDendrogram } from './dendrogram.js';
import { matrixState } from './fitted-state.js';

const MODEL_TYPE = 'birch';

/** scikit-learn 1.2 names, defaults and constraints (n_clusters takes an integer or null, not an estimator). */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  {
    name: 'threshold',
    description: 'Largest radius a leaf subcluster may reach by absorbing a row; otherwise the row starts a new subcluster.',
    default: 0.5,
    float: { min: 0, exclusiveMin: true },
  },
  { name: 'branching_factor', description: 'Most subclusters in one node of the CF tree before it splits.', default: 50, int: { min: 1, exclusiveMin: true } },
  {
    name: 'n_clusters',
    description: 'Clusters made from the leaf subclusters by ward agglomerative clustering; null keeps every subcluster as a cluster.',
    default: 3,
    int: { min: 1 },
    nullable: true,
  },
];

export interface BirchFit extends ClusteringFit {
  /** One row per leaf subcluster, in leaf order. */
  subclusterCenters: Matrix;
  /** Cluster of each subcluster. */
  subclusterLabels: Int32Array;
  /** Set when fewer subclusters than n_clusters were found (scikit-learn warns and keeps them all). */
  warning: string | null;
}

/** BIRCH: one pass builds a CF tree of small subclusters, then ward linkage groups their centres. */
export class Birch extends ClustererBase<BirchFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
  }

  get subclusterCenters(): Matrix {
    return this.requireFitted().subclusterCenters;
  }

  get subclusterLabels(): Int32Array {
    return this.requireFitted().subclusterLabels;
  }

  get warning(): string | null {
    return this.requireFitted().warning;
  }

  /** The cluster of the nearest subcluster centre. */
  predict(X: Matrix): Int32Array {
    const { subclusterCenters, subclusterLabels } = this.requireFitted();
    checkPredictionInput(MODEL_TYPE, X, subclusterCenters.nCols);
    return nearestCentres(X, subclusterCenters).map((s) => subclusterLabels[s]);
  }

  protected learn(X: Matrix, ctx: FitContext): BirchFit {
    checkClusteringInput(MODEL_TYPE, X);
    const subclusterCenters = leafCentres(X, this.params.threshold as number, this.params.branching_factor as number, ctx);
    const nClusters = this.params.n_clusters as number | null;
    const nSubclusters = subclusterCenters.nRows;
    let subclusterLabels: Int32Array;
    let warning: string | null = null;
    if (nClusters === null || nSubclusters < nClusters) {
      subclusterLabels = Int32Array.from({ length: nSubclusters }, (_, s) => s);
      if (nClusters !== null) {
        warning = `Number of subclusters found (${nSubclusters}) by BIRCH is less than (${nClusters}). Decrease the threshold.`;
      }
    } else {
      subclusterLabels = nSubclusters === 1 ? new Int32Array(1) : cutDendrogram(buildTree(subclusterCenters, 'ward', null), nClusters);
    }
    const labels = nearestCentres(X, subclusterCenters).map((s) => subclusterLabels[s]);
    return { labels, subclusterCenters, subclusterLabels, warning };
  }

  protected encode(fit: BirchFit): { [key: string]: StateValue } {
    return {
      labels_: fit.labels,
      subcluster_centers_: matrixState(fit.subclusterCenters),
      subcluster_labels_: fit.subclusterLabels,
      warning: fit.warning,
    };
  }
}

/** Inserts every row into a CF tree and returns the centres of its leaf subclusters, leaves left to right. */
function leafCentres(X: Matrix, threshold: number, branchingFactor: number, ctx: FitContext): Matrix {
  const nFeatures = X.nCols;
  const head = new CfNode(true);
  let root = new CfNode(true);
  head.nextLeaf = root;
  root.prevLeaf = head;
  for (let i = 0; i < X.nRows; i++) {
    const sample = new Float64Array(nFeatures);
    for (let f = 0; f < nFeatures; f++) sample[f] = X.data[f * X.nRows + i];
    if (root.insert(new Subcluster(nFeatures, sample), threshold, branchingFactor)) {
      const [first, second] = splitNode(root, nFeatures);
      root = new CfNode(false);
      root.subclusters.push(first, second);
    }
    if ((i & 1023) === 1023) ctx.onProgress?.(i / X.nRows);
  }
  const centres: Float64Array[] = [];
  for (let leaf: CfNode | null = head.nextLeaf; leaf !== null; leaf = leaf.nextLeaf) {
    for (const sub of leaf.subclusters) centres.push(sub.centroid);
  }
  const matrix = createMatrix(centres.length, nFeatures);
  centres.forEach((centre, s) => centre.forEach((value, f) => (matrix.data[f * centres.length + s] = value)));
  return matrix;
}

export const birchSpec = clusteringSpec<BirchFit>({
  modelType: MODEL_TYPE,
  description: 'BIRCH: summarises rows into a tree of small subclusters in one pass, then groups them into n_clusters with ward linkage.',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new Birch(params),
  decode: (state) => ({
    labels: state.int32('labels_'),
    subclusterCenters: state.matrix('subcluster_centers_'),
    subclusterLabels: state.int32('subcluster_labels_'),
    warning: state.optionalString('warning'),
  }),
});
