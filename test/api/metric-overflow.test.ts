import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

/** A target around 1e200: its errors square past the largest double. */
const HUGE_TARGET_CSV = ['x,y', ...Array.from({ length: 40 }, (_, i) => `${i % 9},${((i * 37) % 11) * 1e200}`)].join('\n');

/** ±1e308 features overflow a linear fit into NaN predictions; the target is constant. */
const EXTREME_FEATURE_CONSTANT_TARGET_CSV = ['x,y', ...Array.from({ length: 40 }, (_, i) => `${i % 2 ? 1e308 : -1e308},7`)].join('\n');

/** ±1e308 features give Gaussian naive Bayes NaN probabilities. */
const EXTREME_FEATURES_CLASSES_CSV = ['x,y,c', ...Array.from({ length: 40 }, (_, i) => `${i % 2 ? 1e308 : -1e308},${i % 3 ? 1e308 : -1e308},${i % 2}`)].join('\n');

const overflow = (sum: string) => `not computable: ${sum} overflows the largest double (1.8e308); the target's values are too large, rescale them`;

describe('metrics that overflow are null, each with the reason', () => {
  let ty: TestTrainyard;
  let user: ApiClient;

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
  });
  afterAll(async () => ty.dispose());

  it('names the overflowing sums of a regression on values near 1e200', async () => {
    const experimentId = await user.createExperiment();
    const datasetId = await user.uploadCsv(HUGE_TARGET_CSV, 'huge');
    const runId = await user.train({ experiment_id: experimentId, dataset_id: datasetId, model_type: 'decision_tree_regressor', target_column: 'y' });
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const res = await user.request('GET', `/api/v1/models/train/${runId}/metrics`);
    expect(res.statusCode).toBe(200);
    const { metrics, metric_warnings } = res.json();
    expect(metrics).toEqual({ mae: expect.any(Number), mse: null, rmse: null, r2: null });
    expect(metric_warnings).toEqual({
      mse: overflow('the sum of squared errors'),
      rmse: overflow('the sum of squared errors'),
      r2: overflow('the total or residual sum of squares'),
    });
  });

  it('gives R^2 the non-finite-predictions reason of the other metrics, not the constant-target 0.0', async () => {
    const experimentId = await user.createExperiment();
    const datasetId = await user.uploadCsv(EXTREME_FEATURE_CONSTANT_TARGET_CSV, 'extreme features');
    const runId = await user.train({ experiment_id: experimentId, dataset_id: datasetId, model_type: 'linear_regression', target_column: 'y' });
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const { metrics, metric_warnings } = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
    const reason = 'not computable: the model predicted 8 non-finite values (infinite or NaN) on the test rows';
    expect(metrics).toEqual({ mae: null, mse: null, rmse: null, r2: null });
    expect(metric_warnings).toEqual({ mae: reason, mse: reason, rmse: reason, r2: reason });
  });

  it('gives no ROC AUC from non-finite class probabilities', async () => {
    const experimentId = await user.createExperiment();
    const datasetId = await user.uploadCsv(EXTREME_FEATURES_CLASSES_CSV, 'extreme classes');
    const runId = await user.train({ experiment_id: experimentId, dataset_id: datasetId, model_type: 'gaussian_nb', target_column: 'c' });
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const { metrics, metric_warnings } = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
    expect(metrics.auc_roc).toBeNull();
    expect(metric_warnings.auc_roc).toBe('not computable: the model predicted 16 non-finite probabilities (infinite or NaN) on the test rows');
  });

  it('gives every null clustering score a reason when the features overflow its sums', async () => {
    const experimentId = await user.createExperiment();
    const datasetId = await user.uploadCsv(HUGE_TARGET_CSV, 'huge features');
    const runId = await user.train({
      experiment_id: experimentId, dataset_id: datasetId, model_type: 'kmeans', hyperparameters: { n_clusters: 3 }, preprocessing: { scaling: 'none' },
    });
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const { metrics, metric_warnings } = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
    const reason = "not computable: its sums overflow the largest double (1.8e308); the data's values are too large, rescale them";
    expect(metrics).toEqual({ silhouette_score: null, davies_bouldin_score: null, calinski_harabasz_score: null });
    expect(metric_warnings).toEqual({ silhouette_score: reason, davies_bouldin_score: reason, calinski_harabasz_score: reason });
  });
});
