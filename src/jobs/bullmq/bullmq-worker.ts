import { DelayedError, Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ArtifactStore } from '../../artifacts/artifact-store.js';
import type { Store } from '../../store/store.js';
import type { RunLifecycle } from '../run-lifecycle.js';
import type { RunConfig } from '../../training/run-config.js';
import { trainingJob } from '../training-queue.js';
import { TrainingThreads, type Training, type TrainingOutcome } from '../training-threads.js';
import { TRAINING_QUEUE, attemptIdOf, cancelChannel, cancelKey, redisConnection, type TrainJobData } from './names.js';
import { lostAttemptOf } from './lost-attempt.js';
import { stallTiming } from './stall-timing.js';

export interface BullmqWorkerOptions {
  redisUrl: string;
  prefix: string;
  concurrency: number;
  maxRunSeconds: number;
  stalledSeconds: number;
  stalledRetries: number;
}

/** BullMQ's reason for a job whose worker was lost more often than maxStalledCount allows. */
const STALLED_LIMIT_REASON = 'job stalled more than allowable limit';
const HANDED_BACK_MESSAGE = 'Queued again: the worker training it shut down';

/**
 * The training side of the BullMQ backend, in a worker process or an API process with threads:
 * takes run ids from Redis and trains them on its threads, writing progress, results and failures
 * to the database and the shared artifact dir itself. Cancellations arrive over Redis pub/sub; a
 * worker that goes silent is noticed by the others (BullMQ's stalled check), which retry or fail its run.
 */
export class BullmqWorker {
  private readonly worker: Worker<TrainJobData, TrainingOutcome>;
  private readonly threads: TrainingThreads;
  private readonly commands: Redis;
  private readonly subscriber: Redis;
  private readonly active = new Map<string, Training>();
  private readonly subscribed: Promise<unknown>;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly options: BullmqWorkerOptions,
    private readonly store: Store,
    private readonly artifacts: ArtifactStore,
    private readonly lifecycle: RunLifecycle,
    private readonly log: Logger,
  ) {
    this.threads = new TrainingThreads(lifecycle, log, { threads: options.concurrency, maxRunSeconds: options.maxRunSeconds });
    this.commands = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.subscriber = this.commands.duplicate();
    for (const client of [this.commands, this.subscriber]) client.on('error', (err) => log.error({ event: 'redis_error', err }));
    this.subscriber.on('message', (_channel: string, runId: string) => this.active.get(runId)?.stop('cancelled'));
    this.subscribed = this.subscriber.subscribe(cancelChannel(options.prefix));

    this.worker = new Worker<TrainJobData, TrainingOutcome>(TRAINING_QUEUE, (job, token) => this.process(job, token), {
      connection: redisConnection(options.redisUrl),
      prefix: options.prefix,
      concurrency: options.concurrency,
      ...stallTiming(options.stalledSeconds),
      maxStalledCount: options.stalledRetries,
    });
    this.worker.on('error', (err) => log.error({ event: 'worker_error', err }));
    this.worker.on('stalled', (jobId) => void this.onStalled(jobId));
    this.worker.on('failed', (job, err) => void this.onFailed(job, err));
  }

  /** Resolves once the worker is connected, taking jobs and listening for cancellations. */
  async ready(): Promise<void> {
    await Promise.all([this.worker.waitUntilReady(), this.subscribed]);
  }

  /** Stops taking jobs, hands the running ones back to the queue, and closes its connections. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = this.worker.close();
      for (const training of this.active.values()) training.stop('shutdown');
      await closed;
      await this.threads.close();
      await Promise.all([this.subscriber.quit(), this.commands.quit()]);
    })();
    return this.closing;
  }

  private async process(job: Job<TrainJobData, TrainingOutcome>, token?: string): Promise<TrainingOutcome> {
    const { runId } = job.data;
    const attempt = { id: attemptIdOf(job), takeover: job.attemptsStarted > 1 };
    const run = await this.store.runs.findById(runId);
    if (!run) {
      this.log.info({ event: 'training_skipped', model_run_id: runId, reason: 'the run was deleted' });
      return 'dropped';
    }
    const config = JSON.parse(run.config_json) as RunConfig;
    const training = this.threads.start(trainingJob(runId, run.dataset_id, config, this.artifacts), attempt);
    this.active.set(runId, training);
    try {
      // Checked once registered: a cancel published before that is still seen here.
      if (this.closing) training.stop('shutdown');
      else if (await this.commands.exists(cancelKey(this.options.prefix, runId))) training.stop('cancelled');
      const outcome = await training.done;
      if (outcome === 'shutdown') await this.handBack(job, attempt.id, token);
      this.log.info({ event: 'job_done', model_run_id: runId, attempt_id: attempt.id, outcome });
      return outcome;
    } finally {
      this.active.delete(runId);
    }
  }

  /** Back to the queue at once for another worker: the run is pending again, its training starts anew. */
  private async handBack(job: Job<TrainJobData, TrainingOutcome>, attemptId: string, token?: string): Promise<never> {
    await this.lifecycle.released(job.data.runId, attemptId, HANDED_BACK_MESSAGE);
    await job.moveToDelayed(Date.now(), token);
    throw new DelayedError();
  }

  /** This worker's stalled check found a job whose worker went silent: say so on the run at once. */
  private async onStalled(jobId: string): Promise<void> {
    try {
      const job = await Job.fromId<TrainJobData>(this.worker, jobId);
      if (!job) return;
      if (job.deferredFailure) {
        await this.lifecycle.failed(job.data.runId, this.lostError());
      } else {
        const lost = await lostAttemptOf(job);
        if (!lost) return;
        const retry = `retry ${job.stalledCounter} of ${this.options.stalledRetries}`;
        await this.lifecycle.released(job.data.runId, lost, `Queued again: the worker training it was lost (${retry})`);
      }
    } catch (err) {
      this.log.error({ event: 'stalled_bookkeeping_failed', job_id: jobId, err });
    }
  }

  /** A job failed by BullMQ itself (the processor never fails one): the run fails with the reason. */
  private async onFailed(job: Job<TrainJobData, TrainingOutcome> | undefined, err: Error): Promise<void> {
    if (!job) return;
    const reason = err.message === STALLED_LIMIT_REASON ? this.lostError() : `Training failed in the queue: ${err.message}`;
    try {
      await this.lifecycle.failed(job.data.runId, reason);
    } catch (writeErr) {
      this.log.error({ event: 'failed_bookkeeping_failed', model_run_id: job.data.runId, err: writeErr });
    }
  }

  private lostError(): string {
    const { stalledSeconds, stalledRetries } = this.options;
    return (
      `The worker training this run was lost (silent for ${stalledSeconds} s: killed, crashed or cut off from Redis) ` +
      `and its retries are used up (TRAINYARD_STALLED_RETRIES=${stalledRetries})`
    );
  }
}
