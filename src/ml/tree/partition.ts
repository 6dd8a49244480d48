/**
 * Moves the samples of indices[start..end) whose code is <= lastLeftCode to the front of the
 * slice, in place and without keeping their order; returns how many went left. Each node is a
 * (start, count) slice of one index array, so children are just the two halves.
 */
export function partitionByCode(
  indices: Uint32Array,
  start: number,
  end: number,
  codes: Uint8Array,
  lastLeftCode: number,
): number {
  let i = start;
  let j = end - 1;
  while (i <= j) {
    if (codes[indices[i]] <= lastLeftCode) {
      i++;
    } else {
      const tmp = indices[i];
      indices[i] = indices[j];
      indices[j] = tmp;
      j--;
    }
  }
  return i - start;
}
