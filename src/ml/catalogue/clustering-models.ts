import { agglomerativeClusteringSpec } from '../cluster/agglomerative.js';
import { birchSpec } from '../cluster/birch.js';
import { dbscanSpec } from '../cluster/dbscan.js';
import { hdbscanSpec } from '../cluster/hdbscan.js';
import { kmeansSpec } from '../cluster/kmeans.js';
import { meanShiftSpec } from '../cluster/mean-shift.js';
import { miniBatchKMeansSpec } from '../cluster/mini-batch-kmeans.js';
import { opticsSpec } from '../cluster/optics.js';
import { spectralClusteringSpec } from '../cluster/spectral-clustering.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { gaussianMixtureSpec } from '../mixture/gaussian-mixture.js';

/** Every clustering model. */
export const CLUSTERING_MODEL_SPECS: readonly ModelSpec[] = [
  kmeansSpec,
  miniBatchKMeansSpec,
  dbscanSpec,
  hdbscanSpec,
  agglomerativeClusteringSpec,
  spectralClusteringSpec,
  meanShiftSpec,
  birchSpec,
  opticsSpec,
  gaussianMixtureSpec,
];
