import { createMatrix, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError } from './errors.js';

/**
 * The classes that occur in the training labels. A scikit-learn classifier only knows those (its
 * classes_), so a class that falls entirely in the test split gets no model of its own here either:
 * the model is fitted on positions 0..k-1 and its outputs are spread back to the encoded classes.
 */
export interface TrainingClasses {
  /** The model's k-th class is encoded class classIndices[k]; ascending. */
  classIndices: Int32Array;
  /** The training labels as positions among classIndices. */
  y: Int32Array;
}

export function trainingClasses(modelType: string, y: Int32Array, nClasses: number, minimum = 2): TrainingClasses {
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  const present: number[] = [];
  for (let k = 0; k < nClasses; k++) if (counts[k] > 0) present.push(k);
  if (present.length < minimum) {
    throw new InvalidTrainingDataError(
      `${modelType} needs at least ${minimum} classes in the training rows; found only class ${present[0] ?? 'none'}`,
    );
  }
  const classIndices = Int32Array.from(present);
  if (present.length === nClasses) return { classIndices, y };
  const position = new Int32Array(nClasses);
  classIndices.forEach((classIndex, k) => (position[classIndex] = k));
  return { classIndices, y: y.map((label) => position[label]) };
}

/** Per-model-class columns (nRows x k) placed at their encoded classes in an nRows x nClasses matrix, zeros elsewhere. */
export function spreadClassColumns(modelColumns: Matrix, classIndices: Int32Array, nClasses: number): Matrix {
  if (classIndices.length === nClasses) return modelColumns;
  const n = modelColumns.nRows;
  const out = createMatrix(n, nClasses);
  classIndices.forEach((classIndex, k) => out.data.set(modelColumns.data.subarray(k * n, (k + 1) * n), classIndex * n));
  return out;
}

/**
 * The class with the largest score in every row of a column-major nRows x k matrix (the first on a
 * tie): classIndices[column], or the column itself when every class has a column.
 */
export function argmaxClasses(scores: Matrix, classIndices: Int32Array | null = null): Int32Array {
  const n = scores.nRows;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < scores.nCols; k++) if (scores.data[k * n + i] > scores.data[best * n + i]) best = k;
    out[i] = classIndices ? classIndices[best] : best;
  }
  return out;
}

/**
 * The predicted class from decision values, as scikit-learn's LinearClassifierMixin: the largest of
 * k columns, or, for a single column (two classes), the second class where it is above 0.
 */
export function decisionClasses(decision: Matrix, classIndices: Int32Array): Int32Array {
  if (decision.nCols !== 1) return argmaxClasses(decision, classIndices);
  return Int32Array.from(decision.data, (value) => classIndices[value > 0 ? 1 : 0]);
}
