import type { Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import { allFinite } from '../kernels/finite.js';

/** The checks every clustering fit runs first: some rows, some features, only finite cells. */
export function checkClusteringInput(modelType: string, X: Matrix, minRows = 1): void {
  if (X.nCols === 0) throw new InvalidTrainingDataError(`${modelType} needs at least one feature`);
  if (X.nRows < minRows) {
    throw new InvalidTrainingDataError(`${modelType} needs at least ${minRows} row${minRows === 1 ? '' : 's'}, got n_samples=${X.nRows}`);
  }
  for (let f = 0; f < X.nCols; f++) {
    if (!allFinite(X.nRows, X.data, f * X.nRows, 1)) {
      throw new InvalidTrainingDataError(`${modelType} needs finite values; feature ${f} has NaN or infinite cells (impute them first)`);
    }
  }
}

/** Prediction input must have the fitted number of features. */
export function checkPredictionInput(modelType: string, X: Matrix, nFeatures: number): void {
  if (X.nCols !== nFeatures) {
    throw new InvalidTrainingDataError(`X has ${X.nCols} features, but ${modelType} was fitted on ${nFeatures}`);
  }
}

/** random_state null means "different every fit", like scikit-learn's global numpy generator. */
export function resolveSeed(randomState: number | null): number {
  return randomState ?? Math.floor(Math.random() * 4294967296);
}
