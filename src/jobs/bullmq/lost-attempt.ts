import type { Job } from 'bullmq';
import { attemptIdOf } from './names.js';

/** Where a stalled check leaves a job it took back from a lost worker, until another worker takes it. */
const AWAITING_DELIVERY = new Set(['waiting', 'prioritized']);

/**
 * The attempt a stalled check found lost, or null once another worker has taken the job.
 *
 * attemptsStarted counts a delivery as soon as a worker takes the job, so read after the takeover
 * it names the new attempt, and releasing that would stop the worker now training the run. It is
 * read first (with the job) and trusted only if the job still waits afterwards. Once taken, nothing
 * needs doing: the new attempt's claim takes the run over from the lost one by itself.
 */
export async function lostAttemptOf(job: Job): Promise<string | null> {
  const attemptId = attemptIdOf(job);
  return AWAITING_DELIVERY.has(await job.getState()) ? attemptId : null;
}
