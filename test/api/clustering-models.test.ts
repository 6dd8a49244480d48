import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { loadFixture, sampleCsv, startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

interface AnchorCase {
  modelType: string;
  hyperparameters: Record<string, unknown>;
  nClusters: number;
  metrics: Record<string, number>;
}

const anchor = loadFixture<{ cases: AnchorCase[] }>('cluster-api.json');
const IRIS_FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];

/** The seeded and scikit-learn-1.3 models: checked for shape and sense, their exact answers are in the engine's parity tests. */
const OTHERS: Array<[string, Record<string, unknown>]> = [
  ['kmeans', { n_clusters: 3 }],
  ['mini_batch_kmeans', { n_clusters: 3 }],
  ['hdbscan', { min_cluster_size: 10 }],
  ['spectral_clustering', { n_clusters: 3, gamma: 0.05 }],
  ['gaussian_mixture', { n_components: 3 }],
];

describe('every clustering model trains through the API on a real data set', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  let experimentId: string;
  let irisId: string;
  let wineId: string;

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
    experimentId = await user.createExperiment('clustering');
    irisId = await user.uploadCsv(sampleCsv('iris.csv'), 'iris');
    wineId = await user.uploadCsv(sampleCsv('wine.csv'), 'wine');
  });
  afterAll(async () => ty.dispose());

  async function metricsOf(runId: string): Promise<Record<string, any>> {
    const status = await user.waitForRun(runId);
    expect(status.status, JSON.stringify(status)).toBe('completed');
    return (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
  }

  it.each(anchor.cases.map((c) => [c.modelType, c] as const))(
    '%s on raw iris: the scores of scikit-learn\'s partition',
    async (_name, c) => {
      const runId = await user.train({
        experiment_id: experimentId,
        dataset_id: irisId,
        model_type: c.modelType,
        feature_columns: IRIS_FEATURES,
        hyperparameters: c.hyperparameters,
        preprocessing: { scaling: 'none' },
      });
      const metrics = await metricsOf(runId);
      expect(metrics).toMatchObject({ model_type: c.modelType, task_type: 'clustering' });
      expect(metrics.training_metadata).toMatchObject({ train_samples: 150, n_features: 4, n_clusters_found: c.nClusters });
      // The same partition scored by the same formulas; only summation order differs.
      for (const [name, value] of Object.entries(c.metrics)) {
        expect(Math.abs(metrics.metrics[name] - value) / Math.abs(value), name).toBeLessThan(1e-9);
      }
    },
  );

  it.each(OTHERS)('%s on wine (standard-scaled by default): the spec shapes and no feature importance', async (modelType, hyperparameters) => {
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: wineId,
      model_type: modelType,
      feature_columns: ['alcohol', 'malic_acid', 'ash', 'alcalinity_of_ash', 'magnesium', 'total_phenols', 'flavanoids',
        'nonflavanoid_phenols', 'proanthocyanins', 'color_intensity', 'hue', 'od280/od315_of_diluted_wines', 'proline'],
      hyperparameters,
    });
    const metrics = await metricsOf(runId);
    expect(Object.keys(metrics.metrics)).toEqual(['silhouette_score', 'davies_bouldin_score', 'calinski_harabasz_score']);
    // Wine's three cultivars separate well once scaled: every model finds structure.
    expect(metrics.metrics.silhouette_score).toBeGreaterThan(0.1);
    expect(metrics.training_metadata).toMatchObject({ train_samples: 178, n_features: 13 });
    const importance = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance`)).json();
    expect(importance).toMatchObject({
      has_feature_importance: false,
      feature_importance: null,
      message: `Model type '${modelType}' does not support feature importance`,
    });
  });

  it('accepts the aliases hierarchical and agglomerative', async () => {
    for (const alias of ['hierarchical', 'agglomerative']) {
      const runId = await user.train({
        experiment_id: experimentId, dataset_id: irisId, model_type: alias, feature_columns: IRIS_FEATURES, hyperparameters: { n_clusters: 3 },
      });
      const metrics = await metricsOf(runId);
      expect(metrics.task_type).toBe('clustering');
    }
  });

  it('fails a run past the pairwise memory limit with the limit in the error, and nothing half-written', async () => {
    const csv = ['x', ...Array.from({ length: 8200 }, (_, i) => String(i % 97))].join('\n');
    const datasetId = await user.uploadCsv(csv, 'too many rows for ward');
    const runId = await user.train({ experiment_id: experimentId, dataset_id: datasetId, model_type: 'agglomerative_clustering' });
    const status = await user.waitForRun(runId);
    expect(status).toMatchObject({ status: 'failed' });
    expect(String(status.error)).toContain(
      'agglomerative_clustering keeps a table of n(n-1)/2 pairwise distances for ward linkage in memory and accepts at most 8192 rows; got n_samples=8200.',
    );
    expect((await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).statusCode).not.toBe(200);
  });

  it('rejects an out-of-range hyperparameter with a 400 naming it and what is allowed', async () => {
    const res = await user.request('POST', '/api/v1/models/train', {
      experiment_id: experimentId, dataset_id: irisId, model_type: 'dbscan', feature_columns: IRIS_FEATURES, hyperparameters: { eps: 0 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe("Invalid hyperparameter 'eps' for dbscan: got 0, allowed: a number > 0");
  });
});
