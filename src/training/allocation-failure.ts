/**
 * The messages V8 gives the RangeError of an array or buffer it cannot allocate ("Invalid array
 * length", "Invalid typed array length: 1e11", "Array buffer allocation failed"). Other RangeErrors
 * (a too-deep recursion, a bad toFixed argument) are bugs and keep their own message.
 */
const ALLOCATION_FAILURE = /^(Invalid (typed )?array (buffer )?length|Array buffer allocation failed)/;

export const MODEL_TOO_LARGE =
  'The model is too large for memory: an array it needs could not be allocated. ' +
  'Try smaller settings (fewer trees, clusters, neighbours or hidden units) or fewer rows or features.';

/** The error a run reports: a failed allocation said plainly, anything else as it was thrown. */
export function explainAllocationFailure(err: unknown): unknown {
  if (err instanceof RangeError && ALLOCATION_FAILURE.test(err.message)) return new Error(MODEL_TOO_LARGE, { cause: err });
  return err;
}
