import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TRAINING_QUEUE, TRAIN_JOB } from '../../src/jobs/bullmq/names.js';
import { ApiClient } from '../helpers/api-client.js';
import { describeEach } from '../helpers/describe-each.js';
import { REDIS_URL } from '../helpers/services.js';
import { STACKS, sampleCsv, startOn, type TestTrainyard } from '../helpers/trainyard.js';

const BULLMQ = STACKS.find((s) => s.name === 'postgres+bullmq')!;

describeEach([BULLMQ], 'BullMQ delivers at least once; a run is trained and recorded once', (stack) => {
  let ty: TestTrainyard;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    ty = await startOn(stack);
    const options = { connection: { url: REDIS_URL }, prefix: ty.config.queuePrefix };
    queue = new Queue(TRAINING_QUEUE, options);
    events = new QueueEvents(TRAINING_QUEUE, options);
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await queue?.close();
    await ty?.dispose();
  });

  /** What the worker's processor returned for the next delivery of the run's job. */
  const nextOutcome = (runId: string): Promise<unknown> =>
    new Promise((resolve) => {
      const listener = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
        if (jobId !== runId) return;
        events.off('completed', listener);
        resolve(returnvalue);
      };
      events.on('completed', listener);
    });

  it('a second delivery of a finished run is dropped: no second training, the first result untouched', async () => {
    const user = await ApiClient.register(ty.app);
    const experimentId = await user.createExperiment();
    const iris = await user.uploadCsv(sampleCsv('iris.csv'));
    const runId = await user.train({ experiment_id: experimentId, dataset_id: iris, model_type: 'logistic_regression', target_column: 'species' });
    const first = await user.waitForRun(runId);
    expect(first.status).toBe('completed');
    const modelFile = join(ty.dataDir, 'artifacts', `${runId}.json`);
    const model = readFileSync(modelFile, 'utf8');
    const before = await ty.store.runs.findById(runId);

    // The job was removed on completion, so the same id can be queued again: as a producer
    // retrying an add, or a recovery racing a worker, would.
    const outcome = nextOutcome(runId);
    await queue.add(TRAIN_JOB, { runId }, { jobId: runId });
    expect(await outcome).toBe('dropped');

    expect(await ty.store.runs.findById(runId)).toEqual(before);
    expect(readFileSync(modelFile, 'utf8')).toBe(model);
  });

  it('a delivery for a deleted run is skipped', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    const outcome = nextOutcome(ghost);
    await queue.add(TRAIN_JOB, { runId: ghost }, { jobId: ghost });
    expect(await outcome).toBe('dropped');
  });
});
