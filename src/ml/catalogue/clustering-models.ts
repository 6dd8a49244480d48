import { kmeansSpec } from '../cluster/kmeans.js';
import type { ModelSpec } from '../estimator/model-spec.js';

/** Every clustering model. */
export const CLUSTERING_MODEL_SPECS: readonly ModelSpec[] = [kmeansSpec];
