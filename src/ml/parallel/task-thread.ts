import { workerData } from 'node:worker_threads';
import { FINISHED, NEXT, STARTED, type TaskMessage, type TaskThreadData } from './task-threads.js';
import { taskCount, taskRunner } from './thread-job.js';

/**
 * A worker thread of a parallel fit: claims task indices from the shared counter until none are
 * left, sends each result back on its port, and bumps the finished counter the caller blocks on.
 */
const { job, counters, port } = workerData as TaskThreadData;

const run = taskRunner(job);
const nTasks = taskCount(job);
Atomics.add(counters, STARTED, 1);
Atomics.notify(counters, STARTED);
for (let index = Atomics.add(counters, NEXT, 1); index < nTasks; index = Atomics.add(counters, NEXT, 1)) {
  let message: TaskMessage;
  try {
    message = { index, result: run(index) };
  } catch (error) {
    message = { index, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(message);
  Atomics.add(counters, FINISHED, 1);
  Atomics.notify(counters, FINISHED);
  if ('error' in message) break;
}
port.close();
