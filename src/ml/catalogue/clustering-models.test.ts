import type { Estimator } from '../estimator/estimator.js';
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { detectTaskType } from '../estimator/task-type.js';
import { clusteringReport } from '../metrics/clustering.js';
import { clusterData, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { CLUSTERING_MODEL_SPECS } from './clustering-models.js';

/** The models that can label new rows, as in scikit-learn (the others have only fit_predict). */
const PREDICTING = new Set(['kmeans', 'mini_batch_kmeans', 'birch', 'gaussian_mixture', 'mean_shift']);

/** Small settings so every model finds a few clusters on iris quickly. */
const IRIS_SETTINGS: Record<string, Record<string, unknown>> = {
  kmeans: { n_clusters: 3, random_state: 0 },
  mini_batch_kmeans: { n_clusters: 3, random_state: 0 },
  dbscan: { eps: 0.5 },
  hdbscan: {},
  agglomerative_clustering: { n_clusters: 3 },
  spectral_clustering: { n_clusters: 3, random_state: 0 },
  mean_shift: {},
  birch: {},
  optics: {},
  gaussian_mixture: { n_components: 3, random_state: 0 },
};

describe('the clustering catalogue', () => {
  it('lists the ten clustering models of the issue, each resolving to clustering by name and alias', () => {
    expect(CLUSTERING_MODEL_SPECS.map((s) => s.modelType)).toEqual(Object.keys(IRIS_SETTINGS));
    for (const spec of CLUSTERING_MODEL_SPECS) {
      for (const name of [spec.modelType, ...spec.aliases]) expect(detectTaskType(name), name).toBe('clustering');
      expect(spec.importanceMethod).toBeNull();
    }
    const agglomerative = CLUSTERING_MODEL_SPECS.find((s) => s.modelType === 'agglomerative_clustering')!;
    expect(agglomerative.aliases).toEqual(['hierarchical', 'agglomerative']);
  });

  it.each(CLUSTERING_MODEL_SPECS.map((spec) => [spec.modelType, spec] as const))(
    '%s: fits iris, reports metrics, predicts only where scikit-learn does, restores identically',
    (modelType, spec) => {
      const iris = clusterData('iris');
      const model = spec.create(resolveHyperparameters(modelType, spec.hyperparameters, IRIS_SETTINGS[modelType]));
      if (model.task !== 'clustering') throw new Error('not a clusterer');
      const again = spec.create(resolveHyperparameters(modelType, spec.hyperparameters, IRIS_SETTINGS[modelType]));
      model.fit(iris);
      expect(model.labels).toHaveLength(150);
      expect(model.featureImportance()).toBeNull();
      // Deterministic, or seeded: the same parameters give the same labels.
      expect(again.task === 'clustering' && again.fit(iris).labels).toEqual(model.labels);
      const report = clusteringReport(iris, model.labels);
      expect(report.metrics.silhouette_score).toBeGreaterThan(0);
      expect(typeof model.predict === 'function').toBe(PREDICTING.has(modelType));
      const restored = roundTrip<Estimator>(spec, model);
      expect(restored.task === 'clustering' && restored.labels).toEqual(model.labels);
      if (model.predict && restored.task === 'clustering' && restored.predict) {
        expect(restored.predict(iris)).toEqual(model.predict(iris));
        expect(model.predict(matrixFromRows([[5.0, 3.4, 1.5, 0.2]]))[0]).toBe(model.predict(iris)[7]);
      }
    },
  );
});
