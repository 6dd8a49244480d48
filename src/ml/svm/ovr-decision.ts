import { createMatrix, type Matrix } from '../core/matrix.js';

/**
 * One-vs-rest scores from one-vs-one decision values (nRows x nPairs, pairs (a, b) with a < b in
 * order, positive for a), as scikit-learn's _ovr_decision_function: each class gets its number of
 * pairwise wins plus its summed confidence squashed into (-1/3, 1/3), so votes decide and the
 * confidences only break ties.
 */
export function ovrDecision(pairwise: Matrix, nClasses: number): Matrix {
  const n = pairwise.nRows;
  const votes = createMatrix(n, nClasses);
  const confidence = new Float64Array(n * nClasses);
  for (let a = 0, pair = 0; a < nClasses; a++) {
    for (let b = a + 1; b < nClasses; b++, pair++) {
      for (let i = 0; i < n; i++) {
        const value = pairwise.data[pair * n + i];
        confidence[a * n + i] += value;
        confidence[b * n + i] -= value;
        // scikit-learn counts a win for b when the value is below 0, for a otherwise.
        votes.data[(value < 0 ? b : a) * n + i] += 1;
      }
    }
  }
  for (let cell = 0; cell < votes.data.length; cell++) {
    votes.data[cell] += confidence[cell] / (3 * (Math.abs(confidence[cell]) + 1));
  }
  return votes;
}
