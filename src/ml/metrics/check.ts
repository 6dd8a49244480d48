/** Both vectors describe the same samples, and there is at least one. */
export function checkPair(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length !== yPred.length) {
    throw new RangeError(`y_true has ${yTrue.length} values but y_pred has ${yPred.length}`);
  }
  if (yTrue.length === 0) throw new RangeError('metrics need at least one sample');
}

export function countNonFinite(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) count++;
  return count;
}

/**
 * Why a metric over a model's outputs is null when some are NaN or infinite: scikit-learn refuses
 * such input outright, so no convention (R^2 of a constant y_true, a ranking of NaNs) applies.
 */
export function nonFiniteOutputReason(count: number, singular: string, plural: string): string {
  return `not computable: the model predicted ${count} non-finite ${count === 1 ? singular : plural} (infinite or NaN) on the test rows`;
}
