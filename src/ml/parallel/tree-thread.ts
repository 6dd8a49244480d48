import { workerData } from 'node:worker_threads';
import { TreeGrower } from '../tree/tree-grower.js';
import { FINISHED, NEXT, STARTED, type TreeMessage, type TreeThreadData } from './tree-threads.js';

/**
 * A worker thread of a parallel forest: claims tree indices from the shared counter until none are
 * left, sends each tree back on its port, and bumps the finished counter the caller blocks on.
 */
const { work, counters, port } = workerData as TreeThreadData;

const grower = new TreeGrower(work.X, work.binned, work.recipe, work.settings);
Atomics.add(counters, STARTED, 1);
Atomics.notify(counters, STARTED);
for (let index = Atomics.add(counters, NEXT, 1); index < work.seeds.length; index = Atomics.add(counters, NEXT, 1)) {
  let message: TreeMessage;
  try {
    message = { index, tree: grower.grow(work.seeds[index]) };
  } catch (error) {
    message = { index, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(message);
  Atomics.add(counters, FINISHED, 1);
  Atomics.notify(counters, FINISHED);
  if ('error' in message) break;
}
port.close();
