import { availableParallelism } from 'node:os';

/**
 * The threads an `n_jobs` value asks for, as scikit-learn reads it: null is one, -1 every core,
 * -2 every core but one, and so on. A count above the cores gets the cores: CPU-bound threads past
 * them only add memory (a thread and its buffers each), and in a shared service one request for
 * n_jobs=1000 must not start a thousand threads.
 */
export function threadsForJobs(nJobs: number | null, cores = availableParallelism()): number {
  if (nJobs === null) return 1;
  if (nJobs > 0) return Math.min(nJobs, cores);
  return Math.max(1, cores + 1 + nJobs);
}
