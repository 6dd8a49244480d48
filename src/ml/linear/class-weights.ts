/**
 * Row weights for class_weight="balanced": n / (nPresent * count[class]), where nPresent counts the
 * classes that occur in y, as scikit-learn's compute_class_weight does; every class then carries
 * the same total weight.
 */
export function balancedSampleWeights(y: Int32Array, nClasses: number): Float64Array {
  const counts = classCounts(y, nClasses);
  const nPresent = counts.reduce((present, count) => present + (count > 0 ? 1 : 0), 0);
  const weights = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) weights[i] = y.length / (nPresent * counts[y[i]]);
  return weights;
}

/** Rows per class. */
export function classCounts(y: Int32Array, nClasses: number): Int32Array {
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  return counts;
}
