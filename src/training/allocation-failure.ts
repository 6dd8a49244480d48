/**
 * The messages V8 gives the RangeError of an array, buffer or string it cannot allocate ("Invalid
 * array length", "Invalid typed array length: 1e11", "Array buffer allocation failed", "Invalid
 * string length" for a model file past V8's longest string). Other RangeErrors (a too-deep
 * recursion, a bad toFixed argument) are bugs and keep their own message.
 */
const ALLOCATION_FAILURE = /^(Invalid (typed )?array (buffer )?length|Array buffer allocation failed|Invalid string length)/;

/** Node's code for a worker thread stopped at its heap limit. */
const WORKER_OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

export const MODEL_TOO_LARGE =
  'The model is too large for memory: the training could not allocate what it needs. ' +
  'Try smaller settings (fewer trees, clusters, neighbours or hidden units) or fewer rows or features.';

/**
 * The error a run reports: a failed allocation, or a training thread stopped at its heap limit,
 * said plainly; anything else as it was thrown.
 */
export function explainAllocationFailure(err: unknown): unknown {
  const allocation = err instanceof RangeError && ALLOCATION_FAILURE.test(err.message);
  const outOfHeap = err instanceof Error && (err as NodeJS.ErrnoException).code === WORKER_OUT_OF_MEMORY;
  return allocation || outOfHeap ? new Error(MODEL_TOO_LARGE, { cause: err }) : err;
}
