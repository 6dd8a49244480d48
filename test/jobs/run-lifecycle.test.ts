import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LocalArtifactStore } from '../../src/artifacts/local-artifact-store.js';
import { RunLifecycle } from '../../src/jobs/run-lifecycle.js';
import type { TrainingJob } from '../../src/jobs/training-queue.js';
import type { WorkerResult } from '../../src/jobs/worker-protocol.js';
import { createStore, type Store } from '../../src/store/store.js';
import type { RunConfig } from '../../src/training/run-config.js';
import { describeEachDialect, type TestDatabase } from '../helpers/databases.js';
import { capturingLogger } from '../helpers/log-capture.js';

const NOW = '2026-01-02T03:04:05.678Z';

/** A finished training as a thread hands it back; `accuracy` tells the two deliveries apart. */
function resultWith(accuracy: number): WorkerResult {
  return {
    modelJson: JSON.stringify({ accuracy }),
    evaluation: { metrics: { accuracy }, warnings: {} },
    importance: null,
    metadata: { training_time: 0.5, train_samples: 8, test_samples: 2, n_features: 1 },
  };
}

describeEachDialect('a run delivered twice gets one result', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let dir: string;
  let lifecycle: RunLifecycle;
  let lines: Record<string, unknown>[];
  let job: TrainingJob;

  beforeAll(async () => {
    database = await dialect.open();
    store = createStore(database.db);
    dir = mkdtempSync(join(tmpdir(), 'trainyard-lifecycle-'));
    const captured = capturingLogger();
    lines = captured.lines;
    lifecycle = new RunLifecycle(store, new LocalArtifactStore(dir), captured.log);
    const userId = randomUUID();
    const experimentId = randomUUID();
    await store.users.insert({ id: userId, email: `${userId}@example.com`, password_hash: 'x', created_at: NOW });
    await store.experiments.insert({ id: experimentId, user_id: userId, name: 'e', description: null, created_at: NOW });
    const config = { modelType: 'logistic_regression', hyperparameters: { C: 1 } } as unknown as RunConfig;
    job = { runId: randomUUID(), datasetPath: join(dir, 'unused.csv'), config };
    await store.runs.insert({
      id: job.runId, experiment_id: experimentId, dataset_id: randomUUID(), model_type: 'logistic_regression',
      task_type: 'classification', status: 'pending', progress: 0, message: 'Queued for training', error: null,
      task_id: randomUUID(), config_json: JSON.stringify(config), metrics_json: null, metric_warnings_json: null,
      feature_importance_json: null, training_metadata_json: null, artifact_path: null, created_at: NOW,
      started_at: null, completed_at: null,
    });
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the delivery that took the run over records its result; the superseded one, finishing later, is dropped', async () => {
    expect(await lifecycle.started(job.runId, { id: 'job#1', takeover: false })).toBe(true);
    expect(await lifecycle.progress(job.runId, 'job#1', 0.4)).toBe(true);
    // The first worker went silent; the queue redelivered the job, which takes the run over.
    expect(await lifecycle.started(job.runId, { id: 'job#2', takeover: true })).toBe(true);
    // The first worker was alive after all: its progress tells it to stop.
    expect(await lifecycle.progress(job.runId, 'job#1', 0.6)).toBe(false);

    expect(await lifecycle.completed(job, 'job#2', resultWith(0.9))).toBe(true);
    expect(await lifecycle.completed(job, 'job#1', resultWith(0.1))).toBe(false);
    expect(await lifecycle.completed(job, 'job#2', resultWith(0.5))).toBe(false);

    const run = await store.runs.findById(job.runId);
    expect(run).toMatchObject({ status: 'completed', attempt_id: 'job#2', metrics_json: '{"accuracy":0.9}' });
    expect(readdirSync(join(dir, 'artifacts')).sort()).toEqual([`${job.runId}.json`, `${job.runId}_config.json`, `${job.runId}_metadata.json`]);
    expect(JSON.parse(readFileSync(join(dir, 'artifacts', `${job.runId}.json`), 'utf8'))).toEqual({ accuracy: 0.9 });
    expect(lines.filter((l) => l.event === 'duplicate_result_dropped')).toEqual([
      expect.objectContaining({ model_run_id: job.runId, attempt_id: 'job#1', run_state: 'completed' }),
      expect.objectContaining({ model_run_id: job.runId, attempt_id: 'job#2', run_state: 'completed' }),
    ]);
    expect(lines.filter((l) => l.event === 'training_completed')).toHaveLength(1);

    // A late delivery of a finished run does not start at all.
    expect(await lifecycle.started(job.runId, { id: 'job#3', takeover: true })).toBe(false);
    expect(lines.at(-1)).toMatchObject({ event: 'duplicate_attempt_dropped', attempt_id: 'job#3', run_state: 'completed' });
  });
});
