import type { Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import type { FitContext } from '../estimator/estimator.js';
import { resolveHyperparameters, type HyperparameterDef, type ResolvedParams } from '../estimator/hyperparameters.js';
import type { StateValue } from '../estimator/model-state.js';
import { reducedDistanceBlock } from '../kernels/distances.js';
import { forEachNeighbourhood } from '../neighbors/nearest-neighbors.js';
import { EUCLIDEAN } from './assign.js';
import { checkClusteringInput } from './clustering-input.js';
import { ClustererBase, clusteringSpec, type ClusteringFit } from './clusterer-base.js';
import { nClustersDef, RANDOM_STATE_DEF } from './common-params.js';
import { KMeans, kmeansSpec } from './kmeans.js';
import { assertPairwiseFits, squareCells } from './pairwise-limit.js';
import { spectralEmbedding } from './spectral-embedding.js';

const MODEL_TYPE = 'spectral_clustering';

/** scikit-learn 1.2 names, defaults and constraints for the rbf and nearest-neighbour affinities with k-means labels. */
const HYPERPARAMETERS: readonly HyperparameterDef[] = [
  nClustersDef(8, 'Number of clusters, and of embedding dimensions unless n_components is set.'),
  {
    name: 'eigen_solver',
    description: 'scikit-learn\'s eigensolver. Every choice gives the same embedding here: a dense symmetric eigensolver.',
    default: null,
    choices: ['arpack', 'lobpcg', 'amg'],
    nullable: true,
  },
  { name: 'n_components', description: 'Embedding dimensions; null uses n_clusters.', default: null, int: { min: 1 }, nullable: true },
  RANDOM_STATE_DEF,
  { name: 'n_init', description: 'k-means runs on the embedding; the best is kept.', default: 10, int: { min: 1 } },
  { name: 'gamma', description: 'Scale of the rbf affinity exp(-gamma ||x - y||^2).', default: 1.0, float: { min: 0 } },
  {
    name: 'affinity',
    description: 'rbf: a Gaussian kernel between every pair; nearest_neighbors: 1 between rows among each other\'s n_neighbors, halved when one-sided.',
    default: 'rbf',
    choices: ['rbf', 'nearest_neighbors'],
  },
  { name: 'n_neighbors', description: 'Neighbours per row for affinity="nearest_neighbors".', default: 10, int: { min: 1 } },
  {
    name: 'assign_labels',
    description: 'How the embedding becomes labels: k-means (the only strategy offered here).',
    default: 'kmeans',
    choices: ['kmeans'],
  },
];

/** Spectral clustering (Ng, Jordan and Weiss 2001; Shi and Malik 2000): k-means on the Laplacian's leading eigenvectors. */
export class SpectralClustering extends ClustererBase<ClusteringFit> {
  constructor(params: Readonly<ResolvedParams>) {
    super(MODEL_TYPE, params);
  }

  protected learn(X: Matrix, ctx: FitContext): ClusteringFit {
    const n = X.nRows;
    const nClusters = this.params.n_clusters as number;
    checkClusteringInput(MODEL_TYPE, X, 2);
    if (n < nClusters) throw new InvalidTrainingDataError(`n_samples=${n} should be >= n_clusters=${nClusters}`);
    assertPairwiseFits(MODEL_TYPE, 'an n x n affinity matrix', n, squareCells);
    const nComponents = (this.params.n_components as number | null) ?? nClusters;
    if (nComponents > n) throw new InvalidTrainingDataError(`n_components=${nComponents} should be <= n_samples=${n}`);
    const affinity =
      this.params.affinity === 'rbf' ? rbfAffinity(X, this.params.gamma as number) : neighbourAffinity(X, Math.min(n, this.params.n_neighbors as number));
    ctx.onProgress?.(0.1);
    const embedding = spectralEmbedding(affinity, n, nComponents);
    ctx.onProgress?.(0.9);
    const kmeansParams = resolveHyperparameters('kmeans', kmeansSpec.hyperparameters, {
      n_clusters: nClusters,
      n_init: this.params.n_init,
      random_state: this.params.random_state,
    });
    const labels = (kmeansSpec.create(kmeansParams) as KMeans).fit(embedding).labels;
    return { labels };
  }

  protected encode(fit: ClusteringFit): { [key: string]: StateValue } {
    return { labels_: fit.labels };
  }
}

/** exp(-gamma ||x_i - x_j||^2) for every pair, n x n row-major. */
function rbfAffinity(X: Matrix, gamma: number): Float64Array {
  const n = X.nRows;
  const out = new Float64Array(n * n);
  reducedDistanceBlock(EUCLIDEAN, X.nCols, X.data, n, 0, n, X.data, n, out);
  for (let cell = 0; cell < out.length; cell++) out[cell] = Math.exp(-gamma * out[cell]);
  return out;
}

/** scikit-learn's 0.5 (C + C^T) with C the k-nearest-neighbour connectivity, each row among its own neighbours. */
function neighbourAffinity(X: Matrix, k: number): Float64Array {
  const n = X.nRows;
  const out = new Float64Array(n * n);
  forEachNeighbourhood({ data: X.data, nRows: n, nFeatures: X.nCols }, X, k, EUCLIDEAN, (row, indices) => {
    for (let t = 0; t < k; t++) {
      out[row * n + indices[t]] += 0.5;
      out[indices[t] * n + row] += 0.5;
    }
  });
  return out;
}

export const spectralClusteringSpec = clusteringSpec<ClusteringFit>({
  modelType: MODEL_TYPE,
  aliases: ['spectral'],
  description: 'Spectral clustering: k-means on the leading eigenvectors of the normalised graph Laplacian of an affinity matrix.',
  hyperparameters: HYPERPARAMETERS,
  create: (params) => new SpectralClustering(params),
  decode: (state) => ({ labels: state.int32('labels_') }),
});
