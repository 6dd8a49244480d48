import type { FitContext } from '../estimator/estimator.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { sharedMatrix } from './shared-memory.js';
import { runTasksOnThreads } from './task-threads.js';
import type { TreeWork } from './thread-job.js';

export type { TreeWork } from './thread-job.js';

/** A parallel fit's trees, in seed order, and how many of them worker threads grew. */
export interface ThreadedTrees {
  trees: FlatTree[];
  grownByWorkers: number;
}

/**
 * Grows the trees of a forest on `threads` threads (see runTasksOnThreads), X and its bin codes in
 * shared memory. Progress is reported per tree as trees come in, from any thread.
 */
export function growTreesOnThreads(work: TreeWork, threads: number, ctx?: FitContext): ThreadedTrees {
  const trees: FlatTree[] = new Array(work.seeds.length);
  let done = 0;
  const job = { kind: 'trees', work: { ...work, X: sharedMatrix(work.X) } } as const;
  const grownByWorkers = runTasksOnThreads<FlatTree>(job, threads, (index, tree) => {
    trees[index] = tree;
    done += 1;
    ctx?.onProgress?.(done / trees.length);
  });
  return { trees, grownByWorkers };
}
