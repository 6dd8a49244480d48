import type { Matrix } from '../core/matrix.js';
import { lloyd, type KMeansRun } from '../cluster/lloyd.js';
import type { BinnedFeatures } from '../tree/bin-mapper.js';
import type { CriterionRecipe } from '../tree/criterion-recipe.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { TreeGrower, type TreeSettings } from '../tree/tree-grower.js';
import { sharedMatrix } from './shared-memory.js';

/** The trees of one fit: everything a thread needs to grow any of them. */
export interface TreeWork {
  X: Matrix;
  binned: BinnedFeatures;
  recipe: CriterionRecipe;
  settings: TreeSettings;
  seeds: number[];
}

/** The runs of one k-means fit (n_init): one Lloyd run per set of initial centres. */
export interface LloydWork {
  X: Matrix;
  starts: Matrix[];
  maxIter: number;
  tol: number;
}

/**
 * Work whose tasks are independent and numbered, so any thread may claim any of them: a forest's
 * trees, k-means' runs. A task's result depends on its index alone, never on the thread.
 */
export type ThreadJob = { kind: 'trees'; work: TreeWork } | { kind: 'lloyd'; work: LloydWork };

/** The job with its matrix in shared memory, for worker threads to read without a copy each. */
export function sharedJob(job: ThreadJob): ThreadJob {
  return job.kind === 'trees'
    ? { kind: 'trees', work: { ...job.work, X: sharedMatrix(job.work.X) } }
    : { kind: 'lloyd', work: { ...job.work, X: sharedMatrix(job.work.X) } };
}

/** The job's task count. */
export function taskCount(job: ThreadJob): number {
  return job.kind === 'trees' ? job.work.seeds.length : job.work.starts.length;
}

/**
 * A function that runs task i of the job (a FlatTree for trees, a KMeansRun for Lloyd runs), holding
 * whatever state the job's tasks share on this thread: a tree grower's learner and buffers.
 */
export function taskRunner(job: ThreadJob): (index: number) => FlatTree | KMeansRun {
  if (job.kind === 'trees') {
    const { X, binned, recipe, settings, seeds } = job.work;
    const grower = new TreeGrower(X, binned, recipe, settings);
    return (index) => grower.grow(seeds[index]);
  }
  const { X, starts, maxIter, tol } = job.work;
  return (index) => lloyd(X, starts[index], maxIter, tol);
}
