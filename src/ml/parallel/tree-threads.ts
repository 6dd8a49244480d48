import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { FitContext } from '../estimator/estimator.js';
import type { Matrix } from '../core/matrix.js';
import type { BinnedFeatures } from '../tree/bin-mapper.js';
import type { CriterionRecipe } from '../tree/criterion-recipe.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { TreeGrower, type TreeSettings } from '../tree/tree-grower.js';
import { sharedMatrix } from './shared-memory.js';
import { workerThreadEntry } from './thread-entry.js';

/** The trees of one fit: everything a thread needs to grow any of them. */
export interface TreeWork {
  X: Matrix;
  binned: BinnedFeatures;
  recipe: CriterionRecipe;
  settings: TreeSettings;
  seeds: number[];
}

/** What a tree thread is started with: the work, plus the shared counters that coordinate it. */
export interface TreeThreadData {
  work: TreeWork;
  /** [NEXT]: the next tree index to claim; [FINISHED]: trees worker threads finished; [STARTED]: threads ready. */
  counters: Int32Array;
  port: MessagePort;
}

/** A worker thread's answer for one claimed tree. */
export type TreeMessage = { index: number; tree: FlatTree } | { index: number; error: string };

/** Slots of TreeThreadData.counters. */
export const NEXT = 0;
export const FINISHED = 1;
export const STARTED = 2;
/** How long the caller waits for its workers to start before it goes on without the late ones. */
const STARTUP_WAIT_MS = 10_000;
/** How long the caller sleeps between looks at its ports when no tree has come in. */
const WAIT_MS = 200;

/** A parallel fit's trees, in seed order, and how many of them worker threads grew. */
export interface ThreadedTrees {
  trees: FlatTree[];
  grownByWorkers: number;
}

/**
 * Grows the trees of a forest on `threads` threads: the calling thread and threads - 1 workers, all
 * reading X and its bin codes from shared memory and claiming tree indices from one shared counter,
 * so a slow tree holds up nobody. The call stays synchronous like every fit: the caller waits for its
 * workers to start, grows trees itself and, once none are left to claim, blocks on the counter the
 * workers bump until theirs are in. A worker that never starts claims nothing: the others grow its share.
 */
export function growTreesOnThreads(work: TreeWork, threads: number, ctx?: FitContext): ThreadedTrees {
  const shared: TreeWork = { ...work, X: sharedMatrix(work.X) };
  const counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const workers = Array.from({ length: threads - 1 }, () => startTreeThread(shared, counters));
  const trees: (FlatTree | undefined)[] = new Array(work.seeds.length);
  let done = 0;
  const accept = (index: number, tree: FlatTree): void => {
    trees[index] = tree;
    done += 1;
    ctx?.onProgress?.(done / trees.length);
  };
  let grownByWorkers = 0;
  const drainWorkers = (): number => {
    const received = drain(workers, accept);
    grownByWorkers += received;
    return received;
  };
  try {
    awaitStarts(counters, workers.length);
    const grower = new TreeGrower(shared.X, shared.binned, shared.recipe, shared.settings);
    for (let index = Atomics.add(counters, NEXT, 1); index < trees.length; index = Atomics.add(counters, NEXT, 1)) {
      accept(index, grower.grow(work.seeds[index]));
      drainWorkers();
    }
    while (done < trees.length) {
      const finished = Atomics.load(counters, FINISHED);
      if (drainWorkers() === 0) Atomics.wait(counters, FINISHED, finished, WAIT_MS);
    }
  } finally {
    for (const { worker, port } of workers) {
      port.close();
      void worker.terminate();
    }
  }
  return { trees: trees as FlatTree[], grownByWorkers };
}

/** Blocks until every worker has started, or the startup wait is over. */
function awaitStarts(counters: Int32Array, nWorkers: number): void {
  const deadline = Date.now() + STARTUP_WAIT_MS;
  for (let started = Atomics.load(counters, STARTED); started < nWorkers; started = Atomics.load(counters, STARTED)) {
    const left = deadline - Date.now();
    if (left <= 0) return;
    Atomics.wait(counters, STARTED, started, left);
  }
}

interface TreeThread {
  worker: Worker;
  port: MessagePort;
}

function startTreeThread(work: TreeWork, counters: Int32Array): TreeThread {
  const { port1, port2 } = new MessageChannel();
  const { filename, execArgv, argv } = workerThreadEntry(new URL('./tree-thread', import.meta.url));
  const workerData: TreeThreadData = { work, counters, port: port2 };
  const worker = new Worker(filename, { execArgv, argv, workerData, transferList: [port2] });
  worker.unref();
  // A thread that fails to start claims no tree: the others grow its share, so its error changes nothing.
  worker.on('error', () => {});
  return { worker, port: port1 };
}

/** Takes in every tree the workers have sent so far; a worker's error fails the fit with its message. */
function drain(workers: readonly TreeThread[], accept: (index: number, tree: FlatTree) => void): number {
  let received = 0;
  for (const { port } of workers) {
    for (let packet = receiveMessageOnPort(port); packet !== undefined; packet = receiveMessageOnPort(port)) {
      const message = packet.message as TreeMessage;
      if ('error' in message) throw new Error(`a tree thread failed on tree ${message.index}: ${message.error}`);
      accept(message.index, message.tree);
      received += 1;
    }
  }
  return received;
}
