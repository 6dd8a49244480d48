import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { filesNamedAfter, loadFixture, sampleCsv, describeEachStack, startOn, type TestTrainyard } from '../helpers/trainyard.js';

const apiFlowFixture = loadFixture<{ kmeans_iris_k3: Record<string, number> }>('api-flow.json');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describeEachStack('the main job: train, read back, delete', (stack) => {
  let ty: TestTrainyard;
  let user: ApiClient;
  let experimentId: string;
  let irisId: string;
  let diabetesId: string;

  beforeAll(async () => {
    ty = await startOn(stack);
    user = await ApiClient.register(ty.app);
    experimentId = await user.createExperiment('iris and friends');
    irisId = await user.uploadCsv(sampleCsv('iris.csv'), 'iris');
    diabetesId = await user.uploadCsv(sampleCsv('diabetes.csv'), 'diabetes');
  });
  afterAll(async () => ty.dispose());

  it('profiles an uploaded CSV', async () => {
    const res = await user.request('GET', `/api/v1/datasets/${irisId}`);
    expect(res.statusCode).toBe(200);
    const dataset = res.json();
    expect(dataset).toMatchObject({ id: irisId, name: 'iris', n_rows: 150, n_columns: 5 });
    expect(dataset.columns.map((c: { name: string; dtype: string; n_missing: number }) => [c.name, c.dtype, c.n_missing])).toEqual([
      ['sepal_length', 'numeric', 0],
      ['sepal_width', 'numeric', 0],
      ['petal_length', 'numeric', 0],
      ['petal_width', 'numeric', 0],
      ['species', 'categorical', 0],
    ]);
    expect(dataset.columns[4].value_counts).toEqual({ setosa: 50, versicolor: 50, virginica: 50 });
    expect(dataset.columns[0]).toMatchObject({ min: 4.3, max: 7.9, n_unique: 35 });
  });

  it('trains a random forest on iris and answers the spec shapes', async () => {
    const accepted = await user.request('POST', '/api/v1/models/train', {
      experiment_id: experimentId,
      dataset_id: irisId,
      model_type: 'random_forest_classifier',
      target_column: 'species',
      hyperparameters: { n_estimators: 50, max_depth: 5 },
    });
    expect(accepted.statusCode).toBe(202);
    const body = accepted.json();
    expect(body).toEqual({
      model_run_id: expect.stringMatching(UUID),
      task_id: expect.stringMatching(UUID),
      experiment_id: experimentId,
      model_type: 'random_forest_classifier',
      task_type: 'classification',
      status: 'pending',
      created_at: expect.stringMatching(ISO),
    });
    const runId = body.model_run_id;
    const status = await user.waitForRun(runId);
    expect(status).toMatchObject({ model_run_id: runId, status: 'completed', progress: 100, error: null });
    expect(status.started_at).toMatch(ISO);
    expect(status.completed_at).toMatch(ISO);

    const metrics = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
    expect(Object.keys(metrics).sort()).toEqual(
      ['feature_importance', 'metric_warnings', 'metrics', 'model_run_id', 'model_type', 'task_type', 'training_metadata'].sort(),
    );
    expect(metrics).toMatchObject({ model_run_id: runId, model_type: 'random_forest_classifier', task_type: 'classification' });
    expect(Object.keys(metrics.metrics)).toEqual(['accuracy', 'precision', 'recall', 'f1_score', 'auc_roc']);
    expect(metrics.metrics.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(metrics.metrics.auc_roc).toBeGreaterThanOrEqual(0.95);
    expect(metrics.training_metadata).toMatchObject({
      train_samples: 120,
      test_samples: 30,
      n_features: 4,
      hyperparameters: expect.objectContaining({ n_estimators: 50, max_depth: 5, min_samples_split: 2, max_features: 'sqrt', random_state: 42 }),
      classes: ['setosa', 'versicolor', 'virginica'],
      averaging: 'macro',
    });
    expect(metrics.training_metadata.training_time).toBeGreaterThan(0);
    const importance = metrics.feature_importance as Record<string, number>;
    expect(Object.keys(importance)).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(Object.values(importance).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(importance.petal_length + importance.petal_width).toBeGreaterThan(importance.sepal_length + importance.sepal_width);

    const fi = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance?top_n=2`)).json();
    expect(fi).toMatchObject({
      model_run_id: runId,
      has_feature_importance: true,
      total_features: 4,
      importance_method: 'feature_importances_',
      message: null,
    });
    expect(fi.feature_importance.map((f: { rank: number }) => f.rank)).toEqual([1, 2, 3, 4]);
    expect(fi.top_features).toEqual(fi.feature_importance.slice(0, 2));
    expect(fi.feature_importance_dict).toEqual(importance);
    expect(fi.top_features.map((f: { feature: string }) => f.feature).sort()).toEqual(['petal_length', 'petal_width']);

    const result = (await user.request('GET', `/api/v1/models/train/${runId}/result`)).json();
    expect(result).toMatchObject({
      model_run_id: runId,
      experiment_id: experimentId,
      model_type: 'random_forest_classifier',
      status: 'completed',
      metrics: metrics.metrics,
      feature_importance: importance,
      model_artifact_path: `artifacts/${runId}.json`,
    });
    expect(Object.keys(result.training_metadata).sort()).toEqual(['created_at', 'hyperparameters', 'training_time']);

    const runs = (await user.request('GET', `/api/v1/experiments/${experimentId}/runs?status=completed`)).json();
    expect(runs.items.find((r: { model_run_id: string }) => r.model_run_id === runId)).toMatchObject({
      status: 'completed',
      progress: 100,
      metrics: metrics.metrics,
    });
  });

  it('reproduces a run from its request: the request seed also seeds the model', async () => {
    const request = {
      experiment_id: experimentId,
      dataset_id: diabetesId,
      model_type: 'random_forest_regressor',
      target_column: 'progression',
      hyperparameters: { n_estimators: 15, max_features: 0.5 },
      random_state: 7,
    };
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const runId = await user.train(request);
      await user.waitForRun(runId);
      const { metrics, feature_importance, training_metadata } = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
      expect(training_metadata.hyperparameters.random_state).toBe(7);
      answers.push({ metrics, feature_importance });
    }
    expect(answers[1]).toEqual(answers[0]);
  });

  it('trains a linear regression on diabetes with coefficient importance', async () => {
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: diabetesId,
      model_type: 'linear_regression',
      target_column: 'progression',
    });
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const metrics = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
    expect(metrics.task_type).toBe('regression');
    expect(Object.keys(metrics.metrics)).toEqual(['mae', 'mse', 'rmse', 'r2']);
    expect(metrics.metrics.rmse).toBeCloseTo(Math.sqrt(metrics.metrics.mse), 12);
    expect(metrics.metrics.r2).toBeGreaterThan(0.3);
    expect(metrics.training_metadata).toMatchObject({ train_samples: 353, test_samples: 89, n_features: 10 });
    const fi = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance`)).json();
    expect(fi.importance_method).toBe('coef_');
    expect(fi.top_features).toHaveLength(10);
    expect(Object.keys(fi.coefficients)).toHaveLength(10);
    // |coef| normalised: recompute from the signed coefficients the same answer carries.
    const absSum = Object.values(fi.coefficients as Record<string, number[]>).reduce((s, [c]) => s + Math.abs(c), 0);
    for (const f of fi.feature_importance) expect(f.importance).toBeCloseTo(Math.abs(fi.coefficients[f.feature][0]) / absSum, 12);
  });

  it('trains a random forest regressor on diabetes', async () => {
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: diabetesId,
      model_type: 'random_forest_regressor',
      target_column: 'progression',
      hyperparameters: { n_estimators: 30 },
    });
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const metrics = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
    expect(metrics.metrics.r2).toBeGreaterThan(0.2);
  });

  it('clusters iris without its target with k-means', async () => {
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: irisId,
      model_type: 'kmeans',
      feature_columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
      hyperparameters: { n_clusters: 3, n_init: 10 },
      // The anchor clusters the raw measurements; by default k-means would standard-scale them first.
      preprocessing: { scaling: 'none' },
    });
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const metrics = (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
    expect(metrics.task_type).toBe('clustering');
    expect(Object.keys(metrics.metrics)).toEqual(['silhouette_score', 'davies_bouldin_score', 'calinski_harabasz_score']);
    // scikit-learn's KMeans(3, n_init=10) lands in one partition for every seed; the same partition
    // gives the same scores, so only float summation order separates ours from its (1e-9 relative).
    const anchor = apiFlowFixture.kmeans_iris_k3;
    for (const [name, value] of Object.entries(anchor)) {
      expect(Math.abs(metrics.metrics[name] - value) / Math.abs(value), name).toBeLessThan(1e-9);
    }
    expect(metrics.training_metadata).toMatchObject({ train_samples: 150, n_features: 4 });
    expect(metrics.training_metadata.test_samples).toBeUndefined();
    expect(metrics.feature_importance).toBeUndefined();
    const fi = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance`)).json();
    expect(fi).toEqual({
      model_run_id: runId,
      model_type: 'kmeans',
      task_type: 'clustering',
      has_feature_importance: false,
      feature_importance: null,
      feature_importance_dict: null,
      total_features: 0,
      top_features: null,
      importance_method: null,
      message: "Model type 'kmeans' does not support feature importance",
    });
  });

  it('deletes a completed run: files and record gone', async () => {
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: irisId,
      model_type: 'decision_tree_classifier',
      target_column: 'species',
    });
    await user.waitForRun(runId);
    expect(filesNamedAfter(ty.dataDir, runId).sort()).toEqual([`${runId}.json`, `${runId}_config.json`, `${runId}_metadata.json`]);
    const res = await user.request('DELETE', `/api/v1/models/train/${runId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      message: 'Model run deleted successfully',
      deletion_summary: {
        model_run_id: runId,
        model_type: 'decision_tree_classifier',
        status: 'completed',
        task_revoked: false,
        artifact_deleted: true,
        database_record_deleted: true,
      },
      timestamp: expect.stringMatching(ISO),
    });
    expect(filesNamedAfter(ty.dataDir, runId)).toEqual([]);
    const after = await user.request('GET', `/api/v1/models/train/${runId}/status`);
    expect(after.statusCode).toBe(404);
    expect(after.json()).toEqual({ detail: `Model run with id ${runId} not found` });
  });
});
