import type { FitContext } from '../estimator/estimator.js';
import { runTasksOnThreads } from '../parallel/task-threads.js';
import { threadsForJobs } from '../parallel/thread-count.js';
import type { LloydWork } from '../parallel/thread-job.js';
import type { KMeansRun } from './lloyd.js';

/**
 * Below this much work (rows x features x clusters x runs) the runs stay on the calling thread:
 * starting a worker thread costs tens of milliseconds, more than small fits take.
 */
export const PARALLEL_MIN_RUN_WORK = 10_000_000;

/** A fit's runs, in start order, and how many of them worker threads ran. */
export interface LloydRuns {
  runs: KMeansRun[];
  ranByWorkers: number;
}

/**
 * One Lloyd run per start, in start order, with progress after each. Several runs of enough work go
 * to every core, as scikit-learn's k-means uses every core; a run's result does not depend on the
 * thread that made it.
 */
export function lloydRuns(work: LloydWork, ctx?: FitContext, threads = threadsForJobs(-1)): LloydRuns {
  const { X, starts } = work;
  const runWork = X.nRows * X.nCols * starts[0].nRows * starts.length;
  const nThreads = runWork >= PARALLEL_MIN_RUN_WORK ? Math.min(threads, starts.length) : 1;
  const { results, ranByWorkers } = runTasksOnThreads<KMeansRun>({ kind: 'lloyd', work }, nThreads, ctx);
  return { runs: results, ranByWorkers };
}
