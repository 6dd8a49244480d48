import type { Matrix } from '../core/matrix.js';
import { checkPair } from './check.js';

/**
 * Area under the ROC curve of `scores` for telling `positiveLabel` from every other label, built
 * like scikit-learn's roc_curve (one point per distinct score, collinear points dropped, the curve
 * starting at (0, 0)) and integrated with the trapezoid rule, so tied scores count as half-right.
 */
export function rocAucScore(yTrue: Int32Array, scores: Float64Array, positiveLabel = 1): number {
  checkPair(yTrue, scores);
  const n = yTrue.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a]);

  // One curve point per distinct score, at the last row of its group of ties.
  const falsePositives = new Float64Array(n);
  const truePositives = new Float64Array(n);
  let points = 0;
  let positivesSoFar = 0;
  for (let k = 0; k < n; k++) {
    if (yTrue[order[k]] === positiveLabel) positivesSoFar++;
    if (k === n - 1 || scores[order[k + 1]] !== scores[order[k]]) {
      truePositives[points] = positivesSoFar;
      falsePositives[points] = k + 1 - positivesSoFar;
      points++;
    }
  }
  const totalPositives = truePositives[points - 1];
  const totalNegatives = falsePositives[points - 1];
  if (totalPositives === 0 || totalNegatives === 0) {
    throw new RangeError('Only one class present in y_true: ROC AUC is not defined in that case');
  }

  let area = 0;
  let previousFpr = 0;
  let previousTpr = 0;
  for (let t = 0; t < points; t++) {
    if (isCollinear(falsePositives, truePositives, t, points)) continue;
    const fpr = falsePositives[t] / totalNegatives;
    const tpr = truePositives[t] / totalPositives;
    area += ((fpr - previousFpr) * (tpr + previousTpr)) / 2;
    previousFpr = fpr;
    previousTpr = tpr;
  }
  return area;
}

/**
 * One-vs-rest ROC AUC averaged over classes with equal weight (scikit-learn's
 * roc_auc_score(multi_class="ovr", average="macro")). `proba` is nRows x nClasses.
 */
export function rocAucOvrMacro(yTrue: Int32Array, proba: Matrix): number {
  const problem = multiclassAucProblem(yTrue, proba);
  if (problem !== null) throw new RangeError(problem);
  let sum = 0;
  for (let c = 0; c < proba.nCols; c++) {
    sum += rocAucScore(yTrue, proba.data.subarray(c * proba.nRows, (c + 1) * proba.nRows), c);
  }
  return sum / proba.nCols;
}

/**
 * Why one-vs-rest AUC cannot be computed, in the cases where scikit-learn raises: a class with no
 * samples in y_true (its one-vs-rest curve has no positives), or rows that are not probabilities.
 */
export function multiclassAucProblem(yTrue: Int32Array, proba: Matrix): string | null {
  checkPair(yTrue, { length: proba.nRows });
  const present = new Uint8Array(proba.nCols);
  for (let i = 0; i < yTrue.length; i++) {
    const label = yTrue[i];
    if (label < 0 || label >= proba.nCols) return `y_true holds class ${label}, outside the ${proba.nCols} probability columns`;
    present[label] = 1;
  }
  const absent: number[] = [];
  for (let c = 0; c < proba.nCols; c++) if (present[c] === 0) absent.push(c);
  if (absent.length > 0) {
    const which = absent.length === 1 ? `class ${absent[0]} has` : `classes ${absent.join(', ')} have`;
    return `${which} no samples in y_true, so its one-vs-rest ROC curve is undefined`;
  }
  for (let i = 0; i < proba.nRows; i++) {
    let rowSum = 0;
    for (let c = 0; c < proba.nCols; c++) rowSum += proba.data[c * proba.nRows + i];
    // numpy.allclose(1, rowSum) with its default tolerances, which scikit-learn uses for this check.
    if (!(Math.abs(1 - rowSum) <= 1e-8 + 1e-5 * Math.abs(rowSum))) {
      return `row ${i} of the class probabilities sums to ${rowSum}, not 1`;
    }
  }
  return null;
}

/**
 * scikit-learn's drop_intermediate: an interior point on the straight line through its neighbours
 * adds no area, and dropping it keeps the summation identical to theirs.
 */
function isCollinear(fps: Float64Array, tps: Float64Array, t: number, points: number): boolean {
  if (points <= 2 || t === 0 || t === points - 1) return false;
  return fps[t - 1] - 2 * fps[t] + fps[t + 1] === 0 && tps[t - 1] - 2 * tps[t] + tps[t + 1] === 0;
}
