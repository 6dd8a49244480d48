import { availableParallelism } from 'node:os';

/**
 * The threads an `n_jobs` value asks for, as scikit-learn reads it: null is one, -1 every core,
 * -2 every core but one, and so on; a positive count is taken as given.
 */
export function threadsForJobs(nJobs: number | null, cores = availableParallelism()): number {
  if (nJobs === null) return 1;
  if (nJobs > 0) return nJobs;
  return Math.max(1, cores + 1 + nJobs);
}
