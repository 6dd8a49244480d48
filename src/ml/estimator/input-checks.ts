import type { Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from './errors.js';
import { allFinite } from '../kernels/finite.js';

/** Shape and value checks every fit runs before learning anything. */
export function checkTrainingMatrix(modelType: string, X: Matrix, nTargets: number): void {
  if (X.nRows === 0) throw new InvalidTrainingDataError(`${modelType} needs at least one training row`);
  if (X.nRows !== nTargets) {
    throw new InvalidTrainingDataError(`${modelType}: X has ${X.nRows} rows but y has ${nTargets} values`);
  }
  if (!allFinite(X.data.length, X.data, 0, 1)) {
    throw new InvalidTrainingDataError(`${modelType}: X contains NaN or infinite values; impute them first`);
  }
}

/** Class labels must be the encoded indices 0..nClasses-1. */
export function checkClassLabels(modelType: string, y: Int32Array, nClasses: number): void {
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0 || y[i] >= nClasses) {
      throw new InvalidTrainingDataError(`${modelType}: label ${y[i]} at row ${i} is outside 0..${nClasses - 1}`);
    }
  }
}

export function checkRegressionTargets(modelType: string, y: Float64Array): void {
  if (!allFinite(y.length, y, 0, 1)) {
    throw new InvalidTrainingDataError(`${modelType}: y contains NaN or infinite values`);
  }
}

/** Prediction input must have the columns the model was fitted on. */
export function checkFeatureCount(modelType: string, X: Matrix, nFeatures: number): void {
  if (X.nCols !== nFeatures) {
    throw new RangeError(`${modelType} was fitted on ${nFeatures} features but X has ${X.nCols}`);
  }
}
