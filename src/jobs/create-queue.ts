import type { Logger } from 'pino';
import type { ArtifactStore } from '../artifacts/artifact-store.js';
import type { Config } from '../config/config.js';
import type { Store } from '../store/store.js';
import { BullmqQueue } from './bullmq/bullmq-queue.js';
import { BullmqWorker } from './bullmq/bullmq-worker.js';
import { assertRedisReachable } from './bullmq/redis-probe.js';
import { InProcessQueue } from './in-process-queue.js';
import type { RunLifecycle } from './run-lifecycle.js';
import type { TrainingQueue } from './training-queue.js';

export interface QueueDependencies {
  store: Store;
  artifacts: ArtifactStore;
  lifecycle: RunLifecycle;
  log: Logger;
}

/**
 * Throws an UnreachableServiceError when REDIS_URL is set but does not answer. Called first at
 * start-up, before anything else is opened, so that the process stops holding nothing.
 */
export async function assertQueueReachable(config: Config): Promise<void> {
  if (config.redisUrl) await assertRedisReachable(config.redisUrl);
}

/**
 * The API process's queue: its own threads by default; BullMQ when REDIS_URL is set, training on
 * this process's threads too unless TRAINYARD_WORKERS=0 leaves that to worker processes.
 */
export async function createTrainingQueue(config: Config, deps: QueueDependencies): Promise<TrainingQueue> {
  const { lifecycle, log } = deps;
  if (!config.redisUrl) return new InProcessQueue(lifecycle, log, { threads: config.workers, maxRunSeconds: config.maxRunSeconds });
  const localWorker = config.workers > 0 ? createBullmqWorker(config, config.workers, deps) : undefined;
  await localWorker?.ready();
  return new BullmqQueue({ redisUrl: config.redisUrl, prefix: config.queuePrefix }, lifecycle, log, localWorker);
}

export function createBullmqWorker(config: Config, concurrency: number, deps: QueueDependencies): BullmqWorker {
  if (!config.redisUrl) throw new Error('a BullMQ worker needs REDIS_URL');
  return new BullmqWorker(
    {
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      concurrency,
      maxRunSeconds: config.maxRunSeconds,
      stalledSeconds: config.stalledSeconds,
      stalledRetries: config.stalledRetries,
    },
    deps.store,
    deps.artifacts,
    deps.lifecycle,
    deps.log,
  );
}
