/**
 * Maps arbitrary integer labels to 0..nLabels-1 in ascending label order (scikit-learn's
 * LabelEncoder), so clusters may be numbered with gaps or negatives and metrics still index arrays.
 */
export interface EncodedLabels {
  codes: Int32Array;
  /** classes[code] is the original label. */
  classes: Int32Array;
}

export function encodeLabels(labels: Int32Array): EncodedLabels {
  const classes = uniqueSorted(labels);
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) codes[i] = binarySearch(classes, labels[i]);
  return { codes, classes };
}

export function uniqueSorted(values: Int32Array): Int32Array {
  const sorted = Int32Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i];
  }
  return sorted.slice(0, count);
}

/** Number of rows per code. */
export function countCodes(codes: Int32Array, nCodes: number): Float64Array {
  const counts = new Float64Array(nCodes);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
