import type { Matrix } from '../core/matrix.js';
import type { Random } from '../core/random.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { KMeans, kmeansSpec } from '../cluster/kmeans.js';
import { distinctRows, kmeansPlusPlusRows } from '../cluster/kmeans-init.js';

export type MixtureInit = 'kmeans' | 'k-means++' | 'random' | 'random_from_data';

/**
 * Starting responsibilities (n x k, column-major) as scikit-learn's init_params makes them:
 * "kmeans" one-hot from a single k-means run, "k-means++" and "random_from_data" one-hot on k
 * seed rows only, "random" uniform draws normalised per row.
 */
export function initialResponsibilities(X: Matrix, nComponents: number, init: MixtureInit, rng: Random): Float64Array {
  const n = X.nRows;
  const resp = new Float64Array(n * nComponents);
  if (init === 'kmeans') {
    const params = resolveHyperparameters('kmeans', kmeansSpec.hyperparameters, { n_clusters: nComponents, n_init: 1, random_state: rng.fork() });
    const labels = (kmeansSpec.create(params) as KMeans).fit(X).labels;
    labels.forEach((label, i) => (resp[label * n + i] = 1));
  } else if (init === 'random') {
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let c = 0; c < nComponents; c++) total += resp[c * n + i] = rng.next();
      for (let c = 0; c < nComponents; c++) resp[c * n + i] /= total;
    }
  } else {
    const rows = init === 'k-means++' ? kmeansPlusPlusRows(X, nComponents, rng) : distinctRows(n, nComponents, rng);
    rows.forEach((row, c) => (resp[c * n + row] = 1));
  }
  return resp;
}
