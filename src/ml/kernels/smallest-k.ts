/**
 * The k smallest of values[offset .. offset + n), ordered by (value, position): among equal values
 * the lower position wins, so the result is what a stable sort followed by taking the first k would
 * give. Writes positions (0-based, relative to offset) and values ascending into outIndices and
 * outValues [0, k), which double as the working max-heap: O(n log k), nothing sorted in full,
 * nothing allocated. Requires 1 <= k <= n.
 */
export function smallestK(
  n: number,
  values: Float64Array,
  offset: number,
  k: number,
  outValues: Float64Array,
  outIndices: Int32Array,
): void {
  for (let j = 0; j < k; j++) {
    outValues[j] = values[offset + j];
    outIndices[j] = j;
    siftUp(outValues, outIndices, j);
  }
  for (let j = k; j < n; j++) {
    // Strictly smaller: an equal value at a later position never displaces an earlier one.
    const value = values[offset + j];
    if (value < outValues[0]) {
      outValues[0] = value;
      outIndices[0] = j;
      siftDown(outValues, outIndices, 0, k);
    }
  }
  for (let end = k - 1; end > 0; end--) {
    swap(outValues, outIndices, 0, end);
    siftDown(outValues, outIndices, 0, end);
  }
}

/** Heap order: (value, position) compared lexicographically, largest at the root. */
function above(values: Float64Array, indices: Int32Array, a: number, b: number): boolean {
  return values[a] > values[b] || (values[a] === values[b] && indices[a] > indices[b]);
}

function siftUp(values: Float64Array, indices: Int32Array, start: number): void {
  let child = start;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!above(values, indices, child, parent)) return;
    swap(values, indices, child, parent);
    child = parent;
  }
}

function siftDown(values: Float64Array, indices: Int32Array, start: number, size: number): void {
  let parent = start;
  for (;;) {
    const left = 2 * parent + 1;
    if (left >= size) return;
    const right = left + 1;
    const larger = right < size && above(values, indices, right, left) ? right : left;
    if (!above(values, indices, larger, parent)) return;
    swap(values, indices, larger, parent);
    parent = larger;
  }
}

function swap(values: Float64Array, indices: Int32Array, a: number, b: number): void {
  const value = values[a];
  values[a] = values[b];
  values[b] = value;
  const index = indices[a];
  indices[a] = indices[b];
  indices[b] = index;
}
