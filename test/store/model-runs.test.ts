import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/store/repositories/model-runs.js';
import { createStore, type Store } from '../../src/store/store.js';
import { describeEachDialect, type TestDatabase } from '../helpers/databases.js';

const NOW = '2026-01-02T03:04:05.678Z';
const OUTCOME: RunOutcome = {
  metrics_json: '{"accuracy":1}',
  metric_warnings_json: '[]',
  feature_importance_json: 'null',
  training_metadata_json: '{}',
  artifact_path: 'artifacts/x.json',
  completed_at: NOW,
};

describeEachDialect('run claims: only the delivery owning a run writes it', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let experimentId: string;
  let runId: string;

  beforeAll(async () => {
    database = await dialect.open();
    store = createStore(database.db);
    const userId = randomUUID();
    experimentId = randomUUID();
    await store.users.insert({ id: userId, email: `${userId}@example.com`, password_hash: 'x', created_at: NOW });
    await store.experiments.insert({ id: experimentId, user_id: userId, name: 'e', description: null, created_at: NOW });
  });
  afterAll(async () => database?.dispose());

  beforeEach(async () => {
    runId = randomUUID();
    await store.runs.insert({
      id: runId, experiment_id: experimentId, dataset_id: randomUUID(), model_type: 'kmeans', task_type: 'clustering',
      status: 'pending', progress: 0, message: 'Queued for training', error: null, task_id: randomUUID(), config_json: '{}',
      metrics_json: null, metric_warnings_json: null, feature_importance_json: null, training_metadata_json: null,
      artifact_path: null, created_at: NOW, started_at: null, completed_at: null,
    });
  });

  const row = () => store.runs.findById(runId);

  it('a first delivery claims a pending run; a duplicate cannot, a redelivery after a lost worker takes it over', async () => {
    expect(await store.runs.claim(runId, { id: 'a#1', takeover: false }, NOW, 'Training started')).toBe(true);
    expect(await row()).toMatchObject({ status: 'running', attempt_id: 'a#1', started_at: NOW, progress: 0 });
    expect(await store.runs.claim(runId, { id: 'a#1-duplicate', takeover: false }, NOW, 'Training started')).toBe(false);
    expect(await store.runs.claim(runId, { id: 'a#2', takeover: true }, NOW, 'Training started')).toBe(true);
    expect((await row())?.attempt_id).toBe('a#2');

    // The superseded delivery's writes change nothing; the owner's do.
    expect(await store.runs.updateProgress(runId, 'a#1', 50, 'Training: 50%')).toBe(false);
    expect(await store.runs.updateProgress(runId, 'a#2', 20, 'Training: 20%')).toBe(true);
    let produced = 0;
    const produce = async () => (produced++, OUTCOME);
    expect(await store.runs.completeClaimed(runId, 'a#1', produce)).toBe(false);
    expect(await store.runs.fail(runId, 'stale failure', NOW, 'failed', 'a#1')).toBe(false);
    expect(produced).toBe(0);
    expect(await store.runs.completeClaimed(runId, 'a#2', produce)).toBe(true);
    expect(await row()).toMatchObject({ status: 'completed', progress: 100, message: 'Training completed', metrics_json: '{"accuracy":1}' });
    // A result delivered twice is recorded once; a finished run is claimed by nobody.
    expect(await store.runs.completeClaimed(runId, 'a#2', produce)).toBe(false);
    expect(await store.runs.claim(runId, { id: 'a#3', takeover: true }, NOW, 'Training started')).toBe(false);
    expect(produced).toBe(1);
  });

  it('a released run is pending again, and fails for any attempt only while pending', async () => {
    await store.runs.claim(runId, { id: 'b#1', takeover: false }, NOW, 'Training started');
    expect(await store.runs.release(runId, 'b#0', 'Queued again')).toBe(false);
    expect(await store.runs.release(runId, 'b#1', 'Queued again')).toBe(true);
    expect(await row()).toMatchObject({ status: 'pending', progress: 0, message: 'Queued again', started_at: null });
    expect(await store.runs.fail(runId, 'no data', NOW, 'failed', 'b#2')).toBe(true);
    expect(await row()).toMatchObject({ status: 'failed', error: 'no data', message: 'Training failed', completed_at: NOW });
  });

  it('a delete waits while a result is being recorded, so it never leaves a result behind', async () => {
    await store.runs.claim(runId, { id: 'c#1', takeover: false }, NOW, 'Training started');
    const order: string[] = [];
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let producing!: () => void;
    const started = new Promise<void>((resolve) => (producing = resolve));
    const completing = store.runs.completeClaimed(runId, 'c#1', async () => {
      producing();
      await gate; // the files are being written
      order.push('result recorded');
      return OUTCOME;
    });
    await started;
    const deleting = store.runs.delete(runId).then(() => order.push('deleted'));
    // Time for a delete that did not wait to overtake; the order below is what is asserted.
    await new Promise((r) => setTimeout(r, 200));
    order.push('files written');
    openGate();
    expect(await completing).toBe(true);
    await deleting;
    expect(order).toEqual(['files written', 'result recorded', 'deleted']);
    expect(await row()).toBeUndefined();
  });
});
