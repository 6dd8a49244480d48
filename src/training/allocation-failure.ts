/**
 * The messages V8 gives the RangeError of an array, buffer or string it cannot allocate ("Invalid
 * array length", "Invalid typed array length: 1e11", "Array buffer allocation failed", "Invalid
 * string length" for a model file past V8's longest string). Other RangeErrors (a too-deep
 * recursion, a bad toFixed argument) are bugs and keep their own message.
 */
const ALLOCATION_FAILURE = /^(Invalid (typed )?array (buffer )?length|Array buffer allocation failed|Invalid string length)/;

export const MODEL_TOO_LARGE =
  'The model is too large for memory: an array or text it needs could not be allocated. ' +
  'Try smaller settings (fewer trees, clusters, neighbours or hidden units) or fewer rows or features.';

/** The error a run reports: a failed allocation said plainly, anything else as it was thrown. */
export function explainAllocationFailure(err: unknown): unknown {
  if (err instanceof RangeError && ALLOCATION_FAILURE.test(err.message)) return new Error(MODEL_TOO_LARGE, { cause: err });
  return err;
}
