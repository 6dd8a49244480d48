import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { FitContext } from '../estimator/estimator.js';
import { sharedJob, taskCount, taskRunner, type ThreadJob } from './thread-job.js';
import { awaitStarted, startFitThread, stopFitThreads, type FitThread } from './worker-start.js';

/** What a task thread is started with: the job, plus the shared counters that coordinate it. */
export interface TaskThreadData {
  job: ThreadJob;
  /** [NEXT]: the next task index to claim; [FINISHED]: tasks worker threads finished; [STARTED]: threads ready. */
  counters: Int32Array;
  port: MessagePort;
}

/** A worker thread's answer for one claimed task. */
export type TaskMessage = { index: number; result: unknown } | { index: number; error: string };

/** Slots of TaskThreadData.counters. */
export const NEXT = 0;
export const FINISHED = 1;
export const STARTED = 2;
/** How long the caller sleeps between looks at its ports when no result has come in. */
const WAIT_MS = 200;

/** A job's results, in task order, and how many of them worker threads produced. */
export interface TaskResults<R> {
  results: R[];
  ranByWorkers: number;
}

/**
 * Runs the job's tasks on `threads` threads: the calling thread and threads - 1 workers, all reading
 * the job's matrix from shared memory and claiming task indices from one shared counter, so a slow
 * task holds up nobody. The call stays synchronous like every fit: the caller waits for its workers
 * to start, runs tasks itself and, once none are left to claim, blocks on the counter the workers
 * bump until theirs are in. A worker that never starts claims nothing: the others take its share.
 * With one thread every task runs here, in order. Progress is reported after each task, from any thread.
 */
export function runTasksOnThreads<R>(job: ThreadJob, threads: number, ctx?: FitContext): TaskResults<R> {
  const nTasks = taskCount(job);
  const counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const shared = threads > 1 ? sharedJob(job) : job;
  const workers = Array.from({ length: threads - 1 }, () =>
    startFitThread(new URL('./task-thread', import.meta.url), { job: shared, counters }),
  );
  const results: R[] = new Array(nTasks);
  let done = 0;
  let ranByWorkers = 0;
  const take = (index: number, result: unknown): void => {
    results[index] = result as R;
    done += 1;
    ctx?.onProgress?.(done / nTasks);
  };
  const drainWorkers = (): number => {
    const received = drain(workers, take);
    ranByWorkers += received;
    return received;
  };
  try {
    awaitStarted(counters, STARTED, workers.length);
    const run = taskRunner(shared);
    for (let index = Atomics.add(counters, NEXT, 1); index < nTasks; index = Atomics.add(counters, NEXT, 1)) {
      take(index, run(index));
      drainWorkers();
    }
    while (done < nTasks) {
      const finished = Atomics.load(counters, FINISHED);
      if (drainWorkers() === 0) Atomics.wait(counters, FINISHED, finished, WAIT_MS);
    }
  } finally {
    stopFitThreads(workers);
  }
  return { results, ranByWorkers };
}

/** Takes in every result the workers have sent so far; a worker's error fails the fit with its message. */
function drain(workers: readonly FitThread[], take: (index: number, result: unknown) => void): number {
  let received = 0;
  for (const { port } of workers) {
    for (let packet = receiveMessageOnPort(port); packet !== undefined; packet = receiveMessageOnPort(port)) {
      const message = packet.message as TaskMessage;
      if ('error' in message) throw new Error(`a worker thread failed on task ${message.index}: ${message.error}`);
      take(message.index, message.result);
      received += 1;
    }
  }
  return received;
}
