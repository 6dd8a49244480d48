import type { FitContext } from '../estimator/estimator.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { runTasksOnThreads } from './task-threads.js';
import type { TreeWork } from './thread-job.js';

export type { TreeWork } from './thread-job.js';

/** A fit's trees, in seed order, and how many of them worker threads grew. */
export interface ThreadedTrees {
  trees: FlatTree[];
  grownByWorkers: number;
}

/** Grows the trees of a forest on `threads` threads (see runTasksOnThreads; one: all here), progress per tree. */
export function growTreesOnThreads(work: TreeWork, threads: number, ctx?: FitContext): ThreadedTrees {
  const { results, ranByWorkers } = runTasksOnThreads<FlatTree>({ kind: 'trees', work }, threads, ctx);
  return { trees: results, grownByWorkers: ranByWorkers };
}
