import { checkPair } from './check.js';
import { encodeLabels } from './labels.js';

/**
 * Adjusted Rand index between two labellings of the same rows (scikit-learn's
 * adjusted_rand_score): 1 for the same partition under any renaming of clusters, about 0 for
 * chance agreement. Computed from the pair confusion matrix, like scikit-learn 1.2.
 */
export function adjustedRandScore(labelsTrue: Int32Array, labelsPred: Int32Array): number {
  checkPair(labelsTrue, labelsPred);
  const a = encodeLabels(labelsTrue);
  const b = encodeLabels(labelsPred);
  const nA = a.classes.length;
  const nB = b.classes.length;
  const n = labelsTrue.length;
  const contingency = new Float64Array(nA * nB);
  const rowSums = new Float64Array(nA);
  const columnSums = new Float64Array(nB);
  for (let i = 0; i < n; i++) {
    contingency[a.codes[i] * nB + b.codes[i]]++;
    rowSums[a.codes[i]]++;
    columnSums[b.codes[i]]++;
  }
  let sumSquares = 0;
  let rowWeighted = 0;
  let columnWeighted = 0;
  for (let r = 0; r < nA; r++) {
    for (let c = 0; c < nB; c++) {
      const count = contingency[r * nB + c];
      sumSquares += count * count;
      rowWeighted += count * columnSums[c];
      columnWeighted += count * rowSums[r];
    }
  }
  // Ordered pairs: together in both, apart in both, and the two kinds of disagreement.
  const together = sumSquares - n;
  const onlyPred = rowWeighted - sumSquares;
  const onlyTrue = columnWeighted - sumSquares;
  const apart = n * n - onlyPred - onlyTrue - sumSquares;
  if (onlyPred === 0 && onlyTrue === 0) return 1;
  return (2 * (together * apart - onlyTrue * onlyPred)) /
    ((together + onlyTrue) * (onlyTrue + apart) + (together + onlyPred) * (onlyPred + apart));
}
