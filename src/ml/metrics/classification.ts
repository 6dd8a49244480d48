import type { Matrix } from '../core/matrix.js';
import { checkPair, countNonFinite, nonFiniteOutputReason } from './check.js';
import { multiclassAucProblem, rocAucOvrMacro, rocAucScore } from './roc-auc.js';

/**
 * 'binary': the scores of the positive class (index 1) alone; 'macro': the unweighted mean over
 * every label that occurs in y_true or y_pred, exactly the labels scikit-learn averages over.
 */
export type Averaging = 'binary' | 'macro';

export const POSITIVE_CLASS = 1;

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
  /** Labels with no predicted samples: their precision was set to 0 (scikit-learn's zero_division=0). */
  noPredictedSamples: number[];
  /** Labels with no true samples: their recall was set to 0. */
  noTrueSamples: number[];
  /** Labels with neither: their F1 was set to 0 (only possible with 'binary'). */
  noSamplesAtAll: number[];
}

export interface ClassificationReport {
  metrics: { accuracy: number; precision: number; recall: number; f1_score: number; auc_roc: number | null };
  warnings: Record<string, string>;
  averaging: Averaging;
}

export function accuracyScore(yTrue: Int32Array, yPred: Int32Array): number {
  checkPair(yTrue, yPred);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  return correct / yTrue.length;
}

export function precisionScore(yTrue: Int32Array, yPred: Int32Array, average: Averaging = 'binary'): number {
  return precisionRecallF1(yTrue, yPred, average).precision;
}

export function recallScore(yTrue: Int32Array, yPred: Int32Array, average: Averaging = 'binary'): number {
  return precisionRecallF1(yTrue, yPred, average).recall;
}

export function f1Score(yTrue: Int32Array, yPred: Int32Array, average: Averaging = 'binary'): number {
  return precisionRecallF1(yTrue, yPred, average).f1;
}

/** Precision, recall and F1 from one pass over the pairs; labels are class indices (>= 0). */
export function precisionRecallF1(yTrue: Int32Array, yPred: Int32Array, average: Averaging): PrecisionRecallF1 {
  const counts = countPerLabel(yTrue, yPred);
  const labels = average === 'binary' ? binaryLabels(counts) : presentLabels(counts);
  const result: PrecisionRecallF1 = {
    precision: 0, recall: 0, f1: 0, noPredictedSamples: [], noTrueSamples: [], noSamplesAtAll: [],
  };
  for (const label of labels) {
    const truePositives = counts.truePositives[label];
    const predicted = counts.predicted[label];
    const actual = counts.actual[label];
    const precision = predicted > 0 ? truePositives / predicted : 0;
    const recall = actual > 0 ? truePositives / actual : 0;
    if (predicted === 0) result.noPredictedSamples.push(label);
    if (actual === 0) result.noTrueSamples.push(label);
    if (predicted === 0 && actual === 0) result.noSamplesAtAll.push(label);
    // F1 from precision and recall (not from counts), in scikit-learn's order of operations.
    const denominator = precision + recall;
    result.precision += precision;
    result.recall += recall;
    result.f1 += denominator === 0 ? 0 : (2 * precision * recall) / denominator;
  }
  result.precision /= labels.length;
  result.recall /= labels.length;
  result.f1 /= labels.length;
  return result;
}

/**
 * Every headline classification metric for one test split: binary averaging for two classes,
 * macro for more. `proba` (nRows x nClasses) feeds ROC AUC; a model without probabilities may give
 * its binary decision values instead (nRows x 1), as scikit-learn's roc_auc_score accepts them for
 * two classes; with neither, auc_roc is null.
 */
export function classificationReport(
  yTrue: Int32Array,
  yPred: Int32Array,
  proba: Matrix | null,
  nClasses: number,
  decision: Matrix | null = null,
): ClassificationReport {
  const averaging: Averaging = nClasses === 2 ? 'binary' : 'macro';
  const scores = precisionRecallF1(yTrue, yPred, averaging);
  const warnings: Record<string, string> = {};
  noteZeroDivision(warnings, 'precision', 'no predicted samples', scores.noPredictedSamples);
  noteZeroDivision(warnings, 'recall', 'no true samples', scores.noTrueSamples);
  noteZeroDivision(warnings, 'f1_score', 'no true nor predicted samples', scores.noSamplesAtAll);
  const auc =
    proba === null && decision !== null ? aucFromDecision(yTrue, decision, nClasses) : aucFromProbabilities(yTrue, proba, nClasses);
  if (auc.reason !== null) warnings.auc_roc = auc.reason;
  return {
    metrics: {
      accuracy: accuracyScore(yTrue, yPred),
      precision: scores.precision,
      recall: scores.recall,
      f1_score: scores.f1,
      auc_roc: auc.value,
    },
    warnings,
    averaging,
  };
}

function aucFromProbabilities(
  yTrue: Int32Array,
  proba: Matrix | null,
  nClasses: number,
): { value: number | null; reason: string | null } {
  if (proba === null) return { value: null, reason: 'the model gives no class probabilities' };
  if (proba.nCols !== nClasses) {
    return { value: null, reason: `probabilities have ${proba.nCols} columns for ${nClasses} classes` };
  }
  const nonFinite = countNonFinite(proba.data);
  if (nonFinite > 0) return { value: null, reason: nonFiniteOutputReason(nonFinite, 'probability', 'probabilities') };
  if (!hasTwoClassesOrMore(yTrue)) return { value: null, reason: 'only one class in the test split' };
  if (nClasses === 2) {
    return { value: rocAucScore(yTrue, proba.data.subarray(proba.nRows, 2 * proba.nRows), POSITIVE_CLASS), reason: null };
  }
  const problem = multiclassAucProblem(yTrue, proba);
  return problem === null ? { value: rocAucOvrMacro(yTrue, proba), reason: null } : { value: null, reason: problem };
}

/** ROC AUC ranks rows only, so the decision values give the binary AUC the probabilities would. */
function aucFromDecision(yTrue: Int32Array, decision: Matrix, nClasses: number): { value: number | null; reason: string | null } {
  if (nClasses !== 2 || decision.nCols !== 1) {
    return { value: null, reason: 'the model gives no class probabilities, which one-vs-rest AUC over more than two classes needs' };
  }
  const nonFinite = countNonFinite(decision.data);
  if (nonFinite > 0) return { value: null, reason: nonFiniteOutputReason(nonFinite, 'decision value', 'decision values') };
  if (!hasTwoClassesOrMore(yTrue)) return { value: null, reason: 'only one class in the test split' };
  return { value: rocAucScore(yTrue, decision.data, POSITIVE_CLASS), reason: 'from decision_function: the model gives no class probabilities' };
}

function noteZeroDivision(warnings: Record<string, string>, metric: string, what: string, labels: number[]): void {
  if (labels.length === 0) return;
  const which = labels.length === 1 ? `class ${labels[0]}` : `classes ${labels.join(', ')}`;
  warnings[metric] = `${what} for ${which}; set to 0.0 (zero_division)`;
}

interface LabelCounts {
  truePositives: Float64Array;
  predicted: Float64Array;
  actual: Float64Array;
}

function countPerLabel(yTrue: Int32Array, yPred: Int32Array): LabelCounts {
  checkPair(yTrue, yPred);
  let maxLabel = POSITIVE_CLASS;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] < 0 || yPred[i] < 0) throw new RangeError('class labels must be indices >= 0');
    maxLabel = Math.max(maxLabel, yTrue[i], yPred[i]);
  }
  const counts: LabelCounts = {
    truePositives: new Float64Array(maxLabel + 1),
    predicted: new Float64Array(maxLabel + 1),
    actual: new Float64Array(maxLabel + 1),
  };
  for (let i = 0; i < yTrue.length; i++) {
    counts.actual[yTrue[i]]++;
    counts.predicted[yPred[i]]++;
    if (yTrue[i] === yPred[i]) counts.truePositives[yTrue[i]]++;
  }
  return counts;
}

function presentLabels(counts: LabelCounts): number[] {
  const labels: number[] = [];
  for (let label = 0; label < counts.actual.length; label++) {
    if (counts.actual[label] > 0 || counts.predicted[label] > 0) labels.push(label);
  }
  return labels;
}

/** scikit-learn refuses binary averaging when the labels are not binary; so do we. */
function binaryLabels(counts: LabelCounts): number[] {
  const present = presentLabels(counts);
  if (present.some((label) => label > POSITIVE_CLASS)) {
    throw new RangeError(`average 'binary' needs labels 0 and 1 only; got ${present.join(', ')} (use 'macro')`);
  }
  return [POSITIVE_CLASS];
}

function hasTwoClassesOrMore(labels: Int32Array): boolean {
  for (let i = 1; i < labels.length; i++) if (labels[i] !== labels[0]) return true;
  return false;
}
