/**
 * Moves the samples of indices[start..end) whose code is <= lastLeftCode to the front of the
 * slice and the others after them, each side keeping its order; returns how many went left. Each
 * node is a (start, count) slice of one index array, so children are just the two halves.
 *
 * Keeping the order keeps every node's indices ascending, as scikit-learn's partition does: the
 * histogram loops then read codes, weights and gradients front to back instead of all over
 * memory, which on data past the cache sizes is most of their cost. `scratch` (as long as the
 * slice at least) holds the right side meanwhile.
 */
export function partitionByCode(
  indices: Uint32Array,
  start: number,
  end: number,
  codes: Uint8Array,
  lastLeftCode: number,
  scratch: Uint32Array,
): number {
  let left = start;
  let right = 0;
  for (let i = start; i < end; i++) {
    const sample = indices[i];
    if (codes[sample] <= lastLeftCode) indices[left++] = sample;
    else scratch[right++] = sample;
  }
  indices.set(scratch.subarray(0, right), left);
  return left - start;
}
