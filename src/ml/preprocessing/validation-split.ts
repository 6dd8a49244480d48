import { InvalidTrainingDataError } from '../estimator/errors.js';
import { trainTestSplit, type TrainTestIndices } from './split.js';

/**
 * The rows an estimator sets aside for early stopping (test) and learns from (train): a shuffled
 * split with validation_fraction of the rows, stratified by class when labels are given, as
 * scikit-learn's SGD and MLP estimators split. Too few rows for both parts is an error naming
 * validation_fraction.
 */
export function validationSplit(nRows: number, fraction: number, seed: number, labels?: Int32Array): TrainTestIndices {
  const nValidation = Math.ceil(fraction * nRows);
  if (nValidation < 1 || nValidation >= nRows) {
    throw new InvalidTrainingDataError(
      `Splitting ${nRows} samples into a train set and a validation set with validation_fraction=${fraction} ` +
        'led to an empty set; use more rows or another validation_fraction',
    );
  }
  return trainTestSplit(nRows, fraction, seed, labels);
}
