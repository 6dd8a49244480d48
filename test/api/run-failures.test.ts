import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../src/store/database.js';
import { MODEL_TOO_LARGE } from '../../src/training/allocation-failure.js';
import { ApiClient } from '../helpers/api-client.js';
import { SLOW_FOREST, slowClassificationCsv } from '../helpers/synthetic.js';
import { sampleCsv, describeEachStack, startOn, type Stack, type TestTrainyard } from '../helpers/trainyard.js';

/** What a run the shutdown stopped says: the embedded server trains it at its next start; with BullMQ, any worker. */
const handedBack = (stack: Stack): string =>
  stack.needs.includes('Redis')
    ? 'Queued again: the worker training it shut down'
    : 'Queued again: the server shut down; it trains when the server starts again';

describeEachStack('every run reaches a final state', (stack) => {
  let ty: TestTrainyard | undefined;
  afterAll(async () => ty?.dispose());

  it('a run whose training throws is failed with the error message', async () => {
    ty = await startOn(stack);
    const user = await ApiClient.register(ty.app);
    const experimentId = await user.createExperiment();
    const tiny = await user.uploadCsv('a,b\n1,2\n3,4\n5,6\n', 'tiny');
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: tiny,
      model_type: 'kmeans',
      hyperparameters: { n_clusters: 5 },
    });
    const status = await user.waitForRun(runId);
    expect(status).toMatchObject({ status: 'failed', message: 'Training failed' });
    expect(status.error).toMatch(/n_clusters=5/);
    expect(status.completed_at).toEqual(expect.any(String));
    const metrics = await user.request('GET', `/api/v1/models/train/${runId}/metrics`);
    expect(metrics.json()).toEqual({ detail: 'Model run is not completed yet. Current status: failed' });
  });

  it('a count too large for memory is accepted, as scikit-learn accepts it, and fails the run saying so', async () => {
    const user = await ApiClient.register(ty!.app);
    const experimentId = await user.createExperiment();
    const iris = await user.uploadCsv(sampleCsv('iris.csv'));
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: iris,
      model_type: 'random_forest_classifier',
      target_column: 'species',
      hyperparameters: { n_estimators: 1e11 },
    });
    expect(await user.waitForRun(runId)).toMatchObject({ status: 'failed', message: 'Training failed', error: MODEL_TOO_LARGE });
  });

  it('a completed run with no stored metrics answers the spec 404', async () => {
    const user = await ApiClient.register(ty!.app);
    const experimentId = await user.createExperiment();
    const iris = await user.uploadCsv(sampleCsv('iris.csv'));
    const runId = await user.train({ experiment_id: experimentId, dataset_id: iris, model_type: 'logistic_regression', target_column: 'species' });
    await user.waitForRun(runId);
    await ty!.store.db.updateTable('model_runs').set({ metrics_json: null }).where('id', '=', runId).execute();
    const res = await user.request('GET', `/api/v1/models/train/${runId}/metrics`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ detail: 'No metrics available for this model run' });
  });

  it('a run past TRAINYARD_MAX_RUN_SECONDS is stopped and failed with the reason', async () => {
    const limited = await startOn(stack, { TRAINYARD_MAX_RUN_SECONDS: '1' });
    try {
      const user = await ApiClient.register(limited.app);
      const experimentId = await user.createExperiment();
      const slow = await user.uploadCsv(slowClassificationCsv(), 'slow');
      const runId = await user.train({
        experiment_id: experimentId,
        dataset_id: slow,
        model_type: 'random_forest_classifier',
        target_column: 'label',
        hyperparameters: SLOW_FOREST,
      });
      const status = await user.waitForRun(runId, 20_000);
      expect(status).toMatchObject({
        status: 'failed',
        error: 'Training exceeded the time limit of 1 s (TRAINYARD_MAX_RUN_SECONDS) and was stopped',
      });
      await expect.poll(() => limited.queue.activeRunIds()).toEqual([]);
    } finally {
      await limited.dispose();
    }
  });

  it('shutting down hands the training run back and starts no queued one; the next start trains both', async () => {
    const first = await startOn(stack, { TRAINYARD_WORKERS: '1' });
    const user = await ApiClient.register(first.app);
    const experimentId = await user.createExperiment();
    const slow = await user.uploadCsv(slowClassificationCsv(), 'slow');
    const forest = { experiment_id: experimentId, dataset_id: slow, model_type: 'random_forest_classifier', target_column: 'label' };
    const training = await user.train({ ...forest, hyperparameters: { n_estimators: 40, max_features: null } });
    const queued = await user.train({ ...forest, hyperparameters: { n_estimators: 2 } });
    const progress = async () => (await user.request('GET', `/api/v1/models/train/${training}/status`)).json().progress;
    await expect.poll(progress, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    await first.close();

    const db = await openDatabase(first.config);
    const rows = await db.selectFrom('model_runs').select(['id', 'status', 'progress', 'message', 'started_at']).where('id', 'in', [training, queued]).execute();
    await db.destroy();
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[training]).toEqual({ id: training, status: 'pending', progress: 0, message: handedBack(stack), started_at: null });
    expect(byId[queued]).toMatchObject({ status: 'pending', started_at: null });

    const second = await startOn(stack, {}, first.dataDir);
    try {
      const again = new ApiClient(second.app, user.token);
      expect((await again.waitForRun(training, 120_000)).status).toBe('completed');
      expect((await again.waitForRun(queued, 60_000)).status).toBe('completed');
    } finally {
      await second.dispose();
    }
  }, 240_000);

  it('after a restart, runs left running fail with a clear message and pending runs are trained', async () => {
    const first = await startOn(stack);
    const user = await ApiClient.register(first.app);
    const experimentId = await user.createExperiment();
    const iris = await user.uploadCsv(sampleCsv('iris.csv'));
    const done = await user.train({ experiment_id: experimentId, dataset_id: iris, model_type: 'decision_tree_classifier', target_column: 'species' });
    await user.waitForRun(done);
    await first.close();

    // Simulate a process that died mid-run: one run left running, one never started.
    const db = await openDatabase(first.config);
    const row = await db.selectFrom('model_runs').selectAll().where('id', '=', done).executeTakeFirstOrThrow();
    const stuck = { ...row, id: randomUUID(), status: 'running' as const, progress: 40, completed_at: null, metrics_json: null };
    const waiting = { ...row, id: randomUUID(), status: 'pending' as const, progress: 0, completed_at: null, metrics_json: null, started_at: null };
    await db.insertInto('model_runs').values([stuck, waiting]).execute();
    await db.destroy();

    const second = await startOn(stack, {}, first.dataDir);
    try {
      const again = new ApiClient(second.app, user.token);
      expect(await again.waitForRun(stuck.id)).toMatchObject({
        status: 'failed',
        error: 'Training was interrupted: the process running it stopped before it finished',
      });
      expect((await again.waitForRun(waiting.id)).status).toBe('completed');
    } finally {
      await second.dispose();
    }
  });
});
