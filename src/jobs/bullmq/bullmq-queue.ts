import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RunLifecycle } from '../run-lifecycle.js';
import type { TrainingJob, TrainingQueue } from '../training-queue.js';
import type { BullmqWorker } from './bullmq-worker.js';
import { CANCEL_MEMORY_SECONDS, TRAIN_JOB, TRAINING_QUEUE, cancelChannel, cancelKey, redisConnection, type TrainJobData } from './names.js';

/** The promise to users: a delete stops the training on whichever worker runs it within this long. */
const REVOKE_TIMEOUT_MS = 2000;
const REVOKE_POLL_MS = 25;
const WAITING_STATES = new Set<string>(['waiting', 'delayed', 'prioritized']);
const HELD_STATES = new Set<string>([...WAITING_STATES, 'active']);

export interface BullmqQueueOptions {
  redisUrl: string;
  prefix: string;
}

/**
 * The API side of the BullMQ backend: queues runs in Redis for worker processes (and for this
 * process's own threads, when it has any), and revokes them across processes.
 */
export class BullmqQueue implements TrainingQueue {
  private readonly queue: Queue<TrainJobData, string>;
  private readonly redis: Redis;
  /** Submissions still on their way to Redis: a cancel must wait for them. */
  private readonly adding = new Map<string, Promise<void>>();

  constructor(
    private readonly options: BullmqQueueOptions,
    private readonly lifecycle: RunLifecycle,
    private readonly log: Logger,
    /** This process's own trainer, when TRAINYARD_WORKERS > 0. */
    private readonly localWorker?: BullmqWorker,
  ) {
    this.queue = new Queue<TrainJobData, string>(TRAINING_QUEUE, {
      connection: redisConnection(options.redisUrl),
      prefix: options.prefix,
      defaultJobOptions: {
        // The database is the record of a run: a finished job only needs to be gone. Failed jobs
        // stay a day, for whoever looks into Redis after an incident.
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 },
      },
    });
    this.queue.on('error', (err) => log.error({ event: 'queue_error', err }));
    this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', (err) => log.error({ event: 'redis_error', err }));
  }

  submit(job: TrainingJob): void {
    // The run id is the job id: submitting a run twice (a restart's recovery) queues it once.
    const adding = this.queue
      .add(TRAIN_JOB, { runId: job.runId }, { jobId: job.runId })
      .then(
        () => undefined,
        async (err: Error) => {
          this.log.error({ event: 'queue_add_failed', model_run_id: job.runId, err });
          await this.lifecycle.failed(job.runId, `The run could not be queued: ${err.message}`);
        },
      )
      .finally(() => this.adding.delete(job.runId));
    this.adding.set(job.runId, adding);
  }

  async cancel(runId: string): Promise<boolean> {
    await this.adding.get(runId);
    await this.redis.set(cancelKey(this.options.prefix, runId), '1', 'EX', CANCEL_MEMORY_SECONDS);
    let state = await this.queue.getJobState(runId);
    // Still waiting (or handed back): remove it before any worker takes it. Removal fails only
    // when a worker took it meanwhile, and then it is active.
    if (WAITING_STATES.has(state)) {
      if ((await this.queue.remove(runId)) === 1) return true;
      state = await this.queue.getJobState(runId);
    }
    if (state !== 'active') return false;
    await this.redis.publish(cancelChannel(this.options.prefix), runId);
    return this.waitUntilInactive(runId);
  }

  async holds(runId: string): Promise<boolean> {
    return this.adding.has(runId) || HELD_STATES.has(await this.queue.getJobState(runId));
  }

  async activeRunIds(): Promise<string[]> {
    const jobs = await this.queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
    return [...new Set([...this.adding.keys(), ...jobs.map((job) => job.id as string)])];
  }

  async stopTraining(): Promise<void> {
    await this.localWorker?.close();
  }

  async close(): Promise<void> {
    await this.stopTraining();
    await Promise.all(this.adding.values());
    await this.queue.close();
    await this.redis.quit();
  }

  /** True once the worker let the job go (it stopped: nothing more is written), false past the promised time. */
  private async waitUntilInactive(runId: string): Promise<boolean> {
    const started = Date.now();
    while (Date.now() < started + REVOKE_TIMEOUT_MS) {
      if ((await this.queue.getJobState(runId)) !== 'active') {
        this.log.info({ event: 'job_stopped', model_run_id: runId, waited_ms: Date.now() - started });
        return true;
      }
      await new Promise((resolve) => setTimeout(resolve, REVOKE_POLL_MS));
    }
    this.log.warn({ event: 'task_revoke_timeout', model_run_id: runId, waited_ms: REVOKE_TIMEOUT_MS });
    return false;
  }
}
