import { randomUUID } from 'node:crypto';
import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lostAttemptOf } from '../../src/jobs/bullmq/lost-attempt.js';
import { TRAINING_QUEUE, TRAIN_JOB } from '../../src/jobs/bullmq/names.js';
import { stallTiming } from '../../src/jobs/bullmq/stall-timing.js';
import { REDIS_URL, dropIsolated, queuePrefixFor, skipReason } from '../helpers/services.js';

const skipped = skipReason(['Redis']);
const title = (name: string): string => (skipped ? `${name} ${skipped}` : name);

const STALLED_SECONDS = 3;
/**
 * Redis round trips and timers made late by a busy machine. Small next to what it tells apart: a
 * lock and a check interval of the whole window each took up to twice the window (6 s here).
 */
const SLACK_MS = 1000;
const TIMING = stallTiming(STALLED_SECONDS);

describe.skipIf(skipped !== null)(title('a job whose worker went silent, with TRAINYARD_STALLED_SECONDS=3'), () => {
  const ids: string[] = [];
  const opened: { close(): Promise<unknown> }[] = [];
  const open = <T extends { close(): Promise<unknown> }>(closable: T): T => (opened.push(closable), closable);
  /** A queue of the test's own, so that no job of another test reaches its workers. */
  const isolated = () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    ids.push(id);
    return { connection: { url: REDIS_URL }, prefix: queuePrefixFor(id) };
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    for (const id of ids) await dropIsolated(id, ['Redis']);
  });

  it('is taken over within the window, even when its lock runs out just after a stalled check', async () => {
    const options = isolated();
    const queue = open(new Queue(TRAINING_QUEUE, options));
    await queue.add(TRAIN_JOB, { runId: 'lost' }, { jobId: 'lost' });
    const survivor = open(new Worker(TRAINING_QUEUE, null, { ...options, ...TIMING, autorun: false }));
    const stalled = new Promise<number>((resolve) => survivor.on('stalled', () => resolve(performance.now())));

    // The worst moment to go silent: right after a check, so that the checks fall just before the
    // lock runs out rather than just after.
    await survivor.startStalledCheckTimer();
    await stalledCheckDone(options.prefix);
    // A worker that takes the job, then never renews its lock: as if it were killed.
    const lost = open(new Worker(TRAINING_QUEUE, null, { ...options, ...TIMING, autorun: false }));
    expect((await lost.getNextJob('lost-worker-token'))?.id).toBe('lost');
    const silentSince = performance.now();

    const takenOverAfter = (await stalled) - silentSince;
    // Never while the lock lives; less 100 ms, as the clock starts a round trip after the lock was set.
    expect(takenOverAfter).toBeGreaterThanOrEqual(TIMING.lockDuration - 100);
    expect(takenOverAfter).toBeLessThan(STALLED_SECONDS * 1000 + SLACK_MS);
    expect(await queue.getJobState('lost')).toBe('waiting');
  }, 30_000);

  it('names the lost attempt while the job waits, and none once another worker has taken it', async () => {
    const options = isolated();
    const queue = open(new Queue(TRAINING_QUEUE, options));
    await queue.add(TRAIN_JOB, { runId: 'lost' }, { jobId: 'lost' });
    const lost = open(new Worker(TRAINING_QUEUE, null, { ...options, ...TIMING, autorun: false }));
    expect((await lost.getNextJob('lost-worker-token'))?.id).toBe('lost');
    const survivor = open(new Worker(TRAINING_QUEUE, null, { ...options, ...TIMING, autorun: false }));
    const stalled = new Promise<void>((resolve) => survivor.on('stalled', () => resolve()));
    await survivor.startStalledCheckTimer();
    await stalled;

    expect(await lostAttemptOf((await Job.fromId(queue, 'lost'))!)).toBe('lost#1');
    // The survivor takes the job: the job now counts its delivery, #2, which must not be released.
    expect((await survivor.getNextJob('survivor-token'))?.attemptsStarted).toBe(2);
    expect(await lostAttemptOf((await Job.fromId(queue, 'lost'))!)).toBeNull();
  }, 30_000);

  it('stays with a live worker training it for twice the window', async () => {
    const options = isolated();
    const queue = open(new Queue(TRAINING_QUEUE, options));
    const stalls: string[] = [];
    const worker = open(
      new Worker(TRAINING_QUEUE, () => new Promise((resolve) => setTimeout(() => resolve('done'), 2 * STALLED_SECONDS * 1000)), {
        ...options,
        ...TIMING,
      }),
    );
    worker.on('stalled', (jobId) => stalls.push(jobId));
    const done = new Promise((resolve) => worker.on('completed', (job) => resolve(job.returnvalue)));
    await queue.add(TRAIN_JOB, { runId: 'live' }, { jobId: 'live' });

    expect(await done).toBe('done');
    expect(stalls).toEqual([]);
  }, 30_000);
});

/** Resolves once a stalled check has run: it leaves a key that lives one check interval. */
async function stalledCheckDone(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    while (!(await redis.exists(`${prefix}:${TRAINING_QUEUE}:stalled-check`))) await new Promise((r) => setTimeout(r, 5));
  } finally {
    redis.disconnect();
  }
}
