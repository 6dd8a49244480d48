/**
 * Everything the API processes and the worker processes must agree on in Redis. All of it lives
 * under the deployment's prefix (TRAINYARD_QUEUE_PREFIX), so deployments and test runs can share a Redis.
 */
export const TRAINING_QUEUE = 'training';
export const TRAIN_JOB = 'train';

/** A job carries only the run's id: the worker reads the rest from the database, the truth for every process. */
export interface TrainJobData {
  runId: string;
}

/** Published with a run id when its owner deletes it: the worker training it stops. */
export function cancelChannel(prefix: string): string {
  return `${prefix}:cancel`;
}

/** Set with the publish, for a worker that picks the job up just as the message goes out. */
export function cancelKey(prefix: string, runId: string): string {
  return `${prefix}:cancelled:${runId}`;
}

/** Long enough for any worker to take a job that slipped past its removal. */
export const CANCEL_MEMORY_SECONDS = 24 * 3600;

/** The claim a delivery of a job writes into its run: the same for every process looking at that delivery. */
export function attemptIdOf(job: { id?: string; attemptsStarted: number }): string {
  return `${job.id}#${job.attemptsStarted}`;
}

export function redisConnection(redisUrl: string): { url: string; maxRetriesPerRequest: null } {
  // BullMQ's blocking commands must wait for Redis to come back rather than fail after some retries.
  return { url: redisUrl, maxRetriesPerRequest: null };
}
