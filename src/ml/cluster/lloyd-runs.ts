import type { FitContext } from '../estimator/estimator.js';
import { runTasksOnThreads } from '../parallel/task-threads.js';
import { threadsForJobs } from '../parallel/thread-count.js';
import type { LloydWork } from '../parallel/thread-job.js';
import { sharedMatrix } from '../parallel/shared-memory.js';
import { lloyd, type KMeansRun } from './lloyd.js';

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
  const { X, starts, maxIter, tol } = work;
  const runs: KMeansRun[] = new Array(starts.length);
  let done = 0;
  const accept = (index: number, run: KMeansRun): void => {
    runs[index] = run;
    done += 1;
    ctx?.onProgress?.(done / starts.length);
  };
  const nThreads = Math.min(threads, starts.length);
  const runWork = X.nRows * X.nCols * starts[0].nRows * starts.length;
  if (nThreads > 1 && runWork >= PARALLEL_MIN_RUN_WORK) {
    const job = { kind: 'lloyd', work: { ...work, X: sharedMatrix(X) } } as const;
    return { runs, ranByWorkers: runTasksOnThreads<KMeansRun>(job, nThreads, accept) };
  }
  starts.forEach((start, index) => accept(index, lloyd(X, start, maxIter, tol)));
  return { runs, ranByWorkers: 0 };
}
