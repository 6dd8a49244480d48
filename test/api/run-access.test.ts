import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { SLOW_FOREST, slowClassificationCsv } from '../helpers/synthetic.js';
import { filesNamedAfter, sampleCsv, describeEachStack, startOn, type TestTrainyard } from '../helpers/trainyard.js';

const RUN_READ_ROUTES = ['status', 'result', 'metrics', 'feature-importance'];

describeEachStack('run routes: ownership, ids, states, deleting a live run', (stack) => {
  let ty: TestTrainyard;
  let owner: ApiClient;
  let stranger: ApiClient;
  let experimentId: string;
  let completedRunId: string;
  let slowDatasetId: string;

  beforeAll(async () => {
    ty = await startOn(stack);
    owner = await ApiClient.register(ty.app);
    stranger = await ApiClient.register(ty.app);
    experimentId = await owner.createExperiment();
    const irisId = await owner.uploadCsv(sampleCsv('iris.csv'), 'iris');
    slowDatasetId = await owner.uploadCsv(slowClassificationCsv(), 'slow');
    completedRunId = await owner.train({
      experiment_id: experimentId,
      dataset_id: irisId,
      model_type: 'knn_classifier',
      target_column: 'species',
    });
    await owner.waitForRun(completedRunId);
  });
  afterAll(async () => ty.dispose());

  it('answers 403 to another user on every run route, with the spec texts', async () => {
    for (const route of RUN_READ_ROUTES) {
      const res = await stranger.request('GET', `/api/v1/models/train/${completedRunId}/${route}`);
      expect(res.statusCode, route).toBe(403);
      expect(res.json()).toEqual({ detail: "You don't have permission to access this model run" });
    }
    const del = await stranger.request('DELETE', `/api/v1/models/train/${completedRunId}`);
    expect(del.statusCode).toBe(403);
    expect(del.json()).toEqual({ detail: "You don't have permission to delete this model run" });
    const runs = await stranger.request('GET', `/api/v1/experiments/${experimentId}/runs`);
    expect(runs.statusCode).toBe(403);
    expect(runs.json()).toEqual({ detail: "You don't have permission to access this experiment" });
    // the stranger's attempts changed nothing
    expect((await owner.request('GET', `/api/v1/models/train/${completedRunId}/status`)).json().status).toBe('completed');
  });

  it('answers 400 for a malformed id and 404 for an unknown one, on every route', async () => {
    const unknown = randomUUID();
    for (const route of RUN_READ_ROUTES) {
      const bad = await owner.request('GET', `/api/v1/models/train/invalid-uuid/${route}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toEqual({ detail: 'Invalid model_run_id format: invalid-uuid' });
      const missing = await owner.request('GET', `/api/v1/models/train/${unknown}/${route}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ detail: `Model run with id ${unknown} not found` });
    }
    expect((await owner.request('DELETE', '/api/v1/models/train/invalid-uuid')).json()).toEqual({
      detail: 'Invalid model_run_id format: invalid-uuid',
    });
    expect((await owner.request('DELETE', `/api/v1/models/train/${unknown}`)).statusCode).toBe(404);
  });

  it('knn has no importance, with the spec message', async () => {
    const fi = (await owner.request('GET', `/api/v1/models/train/${completedRunId}/feature-importance`)).json();
    expect(fi).toMatchObject({
      has_feature_importance: false,
      feature_importance: null,
      message: "Model type 'knn_classifier' does not support feature importance",
    });
  });

  it('refuses results of a run still training, then deletes it: worker stopped, no file left or written later', async () => {
    const runId = await owner.train({
      experiment_id: experimentId,
      dataset_id: slowDatasetId,
      model_type: 'random_forest_classifier',
      target_column: 'label',
      hyperparameters: SLOW_FOREST,
    });
    await owner.waitForStatus(runId, 'running');
    for (const route of ['result', 'metrics', 'feature-importance']) {
      const res = await owner.request('GET', `/api/v1/models/train/${runId}/${route}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ detail: 'Model run is not completed yet. Current status: running' });
    }
    const del = await owner.request('DELETE', `/api/v1/models/train/${runId}`);
    expect(del.statusCode).toBe(200);
    expect(del.json().deletion_summary).toEqual({
      model_run_id: runId,
      model_type: 'random_forest_classifier',
      status: 'running',
      task_revoked: true,
      artifact_deleted: false,
      database_record_deleted: true,
    });
    expect(await ty.queue.activeRunIds()).not.toContain(runId);
    // Give a thread that was not stopped time to finish a tree and report: nothing may appear.
    await new Promise((r) => setTimeout(r, 1500));
    expect(filesNamedAfter(ty.dataDir, runId)).toEqual([]);
    expect((await owner.request('GET', `/api/v1/models/train/${runId}/status`)).statusCode).toBe(404);
  });

  it('revokes a pending run before it starts', async () => {
    // Two slow runs fill both training threads, so a third one waits.
    const busy = [];
    for (let i = 0; i < 2; i++) {
      busy.push(
        await owner.train({
          experiment_id: experimentId,
          dataset_id: slowDatasetId,
          model_type: 'random_forest_classifier',
          target_column: 'label',
          hyperparameters: SLOW_FOREST,
        }),
      );
    }
    for (const id of busy) await owner.waitForStatus(id, 'running');
    const pendingId = await owner.train({
      experiment_id: experimentId,
      dataset_id: slowDatasetId,
      model_type: 'decision_tree_classifier',
      target_column: 'label',
    });
    expect((await owner.request('GET', `/api/v1/models/train/${pendingId}/status`)).json().status).toBe('pending');
    const del = (await owner.request('DELETE', `/api/v1/models/train/${pendingId}`)).json();
    expect(del.deletion_summary).toMatchObject({ status: 'pending', task_revoked: true, artifact_deleted: false });
    for (const id of busy) {
      expect((await owner.request('DELETE', `/api/v1/models/train/${id}`)).json().deletion_summary.task_revoked).toBe(true);
    }
    await expect.poll(() => ty.queue.activeRunIds()).toEqual([]);
  });
});
