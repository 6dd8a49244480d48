import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { Cluster, type ServiceProcess } from '../helpers/cluster.js';
import { remoteApp } from '../helpers/remote-app.js';
import { skipReason } from '../helpers/services.js';
import { SLOW_FOREST, slowClassificationCsv } from '../helpers/synthetic.js';
import { sampleCsv } from '../helpers/trainyard.js';

const skipped = skipReason(['PostgreSQL', 'Redis']);
const title = (name: string): string => (skipped ? `${name} ${skipped}` : name);

/** Starting processes from source and training on a busy 2-core machine: generous, never a measurement. */
const PROCESS_TIMEOUT_MS = 180_000;

/**
 * A forest on the slow data that trains for some seconds, then completes: 150 trees, since the
 * engine's ascending partition made 60 finish in 4 s, sometimes before the test looked at them.
 */
const MEDIUM_FOREST = { n_estimators: 150, max_features: null, min_samples_leaf: 1 };

interface Workload {
  user: ApiClient;
  experimentId: string;
  irisId: string;
  slowId: string;
}

async function prepare(cluster: Cluster): Promise<Workload> {
  const user = await ApiClient.register(remoteApp(cluster.baseUrl));
  return {
    user,
    experimentId: await user.createExperiment('scale'),
    irisId: await user.uploadCsv(sampleCsv('iris.csv'), 'iris'),
    slowId: await user.uploadCsv(slowClassificationCsv(), 'slow'),
  };
}

interface Running {
  cluster: Cluster;
  workers: ServiceProcess[];
  w: Workload;
}

/** 1 API + 2 worker processes for the enclosing describe: started before its tests, stopped after. */
function runningCluster(env: Record<string, string> = {}): Running {
  const running = {} as Running;
  beforeAll(async () => {
    running.cluster = await Cluster.create({ env });
    await running.cluster.startApi();
    running.workers = await Promise.all([running.cluster.startWorker(), running.cluster.startWorker()]);
    running.w = await prepare(running.cluster);
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => running.cluster?.stop(), PROCESS_TIMEOUT_MS);
  return running;
}

/** Sends `signal` to the worker training the run (once it reports progress); resolves when that worker is gone. */
async function signalTrainer(running: Running, runId: string, signal: NodeJS.Signals): Promise<{ trainer: ServiceProcess; code: number | null }> {
  await waitForProgress(running.w.user, runId);
  const trainer = running.cluster.trainerOf(runId)!;
  trainer.kill(signal);
  return { trainer, code: await trainer.exited };
}

function forest(w: Workload, hyperparameters: Record<string, unknown>): Record<string, unknown> {
  return { experiment_id: w.experimentId, dataset_id: w.slowId, model_type: 'random_forest_classifier', target_column: 'label', hyperparameters };
}

function quick(w: Workload): Record<string, unknown> {
  return { experiment_id: w.experimentId, dataset_id: w.irisId, model_type: 'decision_tree_classifier', target_column: 'species' };
}

/** Polls the status route until the run trains and has reported progress. */
async function waitForProgress(user: ApiClient, runId: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = (await user.request('GET', `/api/v1/models/train/${runId}/status`)).json();
    if (status.status === 'running' && status.progress > 0) return status;
    if (Date.now() > deadline) throw new Error(`run ${runId} showed no progress: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function runFiles(cluster: Cluster, runId: string): string[] {
  try {
    return readdirSync(`${cluster.artifactDir}/artifacts`).filter((name) => name.includes(runId)).sort();
  } catch {
    return [];
  }
}

describe.skipIf(skipped !== null)(title('1 API + 2 worker processes share PostgreSQL, Redis and the artifact dir'), () => {
  const running = runningCluster();

  it('trains on both workers, shows their progress through the API, revokes a pending and a running run across processes', async () => {
    const { cluster, workers, w } = running;
    const endless = await w.user.train(forest(w, SLOW_FOREST));
    const medium = await w.user.train(forest(w, MEDIUM_FOREST));
    // Watched side by side: the medium run must not finish while the test still waits on the other.
    const [, progress] = await Promise.all([waitForProgress(w.user, endless), waitForProgress(w.user, medium)]);
    expect(progress).toMatchObject({ status: 'running', message: expect.stringMatching(/^Training: \d+%$/) });
    // One training each: the two workers train the two runs.
    expect(new Set([cluster.trainerOf(endless), cluster.trainerOf(medium)])).toEqual(new Set(workers));

    // Both workers are busy: a third run waits in Redis, and its delete takes it out of the queue.
    const waiting = await w.user.train(quick(w));
    expect((await w.user.request('GET', `/api/v1/models/train/${waiting}/status`)).json().status).toBe('pending');
    const deletedWaiting = await w.user.request('DELETE', `/api/v1/models/train/${waiting}`);
    expect(deletedWaiting.json().deletion_summary).toMatchObject({ status: 'pending', task_revoked: true, database_record_deleted: true });

    // The API process tells the worker training the run to stop; task_revoked is true only if it
    // let the job go within the promised 2 s.
    const trainer = cluster.trainerOf(endless)!;
    const deleted = await w.user.request('DELETE', `/api/v1/models/train/${endless}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().deletion_summary).toEqual({
      model_run_id: endless,
      model_type: 'random_forest_classifier',
      status: 'running',
      task_revoked: true,
      artifact_deleted: false,
      database_record_deleted: true,
    });
    expect(trainer.events('job_done', endless)).toMatchObject([{ outcome: 'cancelled' }]);

    expect((await w.user.waitForRun(medium)).status).toBe('completed');
    const metrics = (await w.user.request('GET', `/api/v1/models/train/${medium}/metrics`)).json();
    expect(metrics.training_metadata).toMatchObject({ train_samples: 16_000, test_samples: 4_000, n_features: 10 });
    expect(runFiles(cluster, medium)).toEqual([`${medium}.json`, `${medium}_config.json`, `${medium}_metadata.json`]);
    expect(await cluster.waitForEvent('training_completed', medium)).toHaveLength(1);

    // The freed worker would have taken the waiting run had it still been queued; nothing was
    // written for the stopped one either.
    await new Promise((r) => setTimeout(r, 1000));
    expect(cluster.eventsFor('training_started', waiting)).toEqual([]);
    expect(runFiles(cluster, endless)).toEqual([]);
    expect(runFiles(cluster, waiting)).toEqual([]);
    for (const id of [endless, waiting]) expect((await w.user.request('GET', `/api/v1/models/train/${id}/status`)).statusCode).toBe(404);
  }, PROCESS_TIMEOUT_MS);

  it('restarting the API process with runs in flight loses none and trains none twice', async () => {
    const { cluster, w } = running;
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await w.user.train(forest(w, { ...MEDIUM_FOREST, n_estimators: 15, random_state: i })));
    await waitForProgress(w.user, runs[0]);
    const firstApi = cluster.processes.find((p) => p.name === 'api-1')!;
    firstApi.kill('SIGKILL');
    await firstApi.exited;

    const secondApi = await cluster.startApi();
    const recovered = secondApi.events('runs_recovered');
    expect(recovered).toEqual([]); // every run was still held by the queue: nothing to fail or requeue
    for (const runId of runs) {
      expect((await w.user.waitForRun(runId)).status).toBe('completed');
      expect(await cluster.waitForEvent('training_completed', runId)).toHaveLength(1);
    }

    secondApi.kill('SIGTERM');
    expect(await secondApi.exited).toBe(0);
    expect(secondApi.events('server_stopped')).toHaveLength(1);
  }, PROCESS_TIMEOUT_MS);
});

describe.skipIf(skipped !== null)(title('a worker process lost mid-training (SIGKILL), no retries'), () => {
  const running = runningCluster({ TRAINYARD_STALLED_SECONDS: '2', TRAINYARD_STALLED_RETRIES: '0' });

  it('fails the run with a message saying the worker was lost, found by the other worker', async () => {
    const { cluster, w } = running;
    const runId = await w.user.train(forest(w, SLOW_FOREST));
    await signalTrainer(running, runId, 'SIGKILL');

    const status = await w.user.waitForRun(runId, 60_000);
    expect(status).toMatchObject({
      status: 'failed',
      message: 'Training failed',
      error:
        'The worker training this run was lost (silent for 2 s: killed, crashed or cut off from Redis) ' +
        'and its retries are used up (TRAINYARD_STALLED_RETRIES=0)',
    });
    expect(cluster.eventsFor('training_started', runId)).toHaveLength(1);
  }, PROCESS_TIMEOUT_MS);
});

describe.skipIf(skipped !== null)(title('a worker process lost mid-training (SIGKILL), one retry; a worker stopped with SIGTERM'), () => {
  const running = runningCluster({ TRAINYARD_STALLED_SECONDS: '2', TRAINYARD_STALLED_RETRIES: '1' });

  it('trains the run again on the other worker and records one result', async () => {
    const { cluster, w } = running;
    const runId = await w.user.train(forest(w, MEDIUM_FOREST));
    const { trainer: lost } = await signalTrainer(running, runId, 'SIGKILL');

    expect((await w.user.waitForRun(runId, 90_000)).status).toBe('completed');
    const completed = await cluster.waitForEvent('training_completed', runId);
    const survivor = cluster.trainerOf(runId)!;
    expect(survivor).not.toBe(lost);
    // The second delivery of the job took the run over; the first one's claim was #1.
    expect(completed).toMatchObject([{ attempt_id: `${runId}#2` }]);
    expect(lost.events('training_started', runId)).toMatchObject([{ attempt_id: `${runId}#1` }]);
    expect(runFiles(cluster, runId)).toHaveLength(3);
  }, PROCESS_TIMEOUT_MS);

  it('SIGTERM: the worker hands its run back, exits 0, and another worker trains it', async () => {
    const { cluster, w } = running;
    await cluster.startWorker();
    const runId = await w.user.train(forest(w, MEDIUM_FOREST));
    const { trainer: stopping, code } = await signalTrainer(running, runId, 'SIGTERM');
    expect(code).toBe(0);
    expect(stopping.events('training_released', runId)).toMatchObject([{ message: 'Queued again: the worker training it shut down' }]);

    expect((await w.user.waitForRun(runId, 90_000)).status).toBe('completed');
    expect(await cluster.waitForEvent('training_completed', runId)).toHaveLength(1);
    expect(cluster.trainerOf(runId)).not.toBe(stopping);
  }, PROCESS_TIMEOUT_MS);
});
