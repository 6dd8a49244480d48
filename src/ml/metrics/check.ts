/** Both vectors describe the same samples, and there is at least one. */
export function checkPair(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  if (yTrue.length !== yPred.length) {
    throw new RangeError(`y_true has ${yTrue.length} values but y_pred has ${yPred.length}`);
  }
  if (yTrue.length === 0) throw new RangeError('metrics need at least one sample');
}
