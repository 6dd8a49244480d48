import { createMatrix, matrixFromRows, takeRows, type Matrix } from '../../../src/ml/core/matrix.js';
import { StandardScaler } from '../../../src/ml/preprocessing/standard-scaler.js';

/**
 * Test support for the parity fixtures written by scripts/fixtures/linear.py and knn.py: a dataset
 * as scikit-learn read it (numbers parsed exactly, classes encoded 0..K-1) and the split it used.
 */
export interface ParityDataset {
  name: string;
  featureNames: string[];
  classes: string[] | null;
  X: number[][];
  y: number[];
  train: number[];
  test: number[];
}

export interface ParitySplit {
  XTrain: Matrix;
  XTest: Matrix;
  yTrain: number[];
  yTest: number[];
}

/**
 * The fixture's train/test rows, z-scored by our StandardScaler fitted on the training rows when
 * scale is "standard" (as the fixture scripts do with scikit-learn's), optionally keeping only some
 * feature columns afterwards.
 */
export function paritySplit(dataset: ParityDataset, scale: string, features: number[] | null = null): ParitySplit {
  const all = matrixFromRows(dataset.X);
  let XTrain = takeRows(all, dataset.train);
  let XTest = takeRows(all, dataset.test);
  if (scale === 'standard') {
    const scaler = new StandardScaler().fit(XTrain);
    XTrain = scaler.transform(XTrain);
    XTest = scaler.transform(XTest);
  }
  if (features) {
    XTrain = selectColumns(XTrain, features);
    XTest = selectColumns(XTest, features);
  }
  return {
    XTrain,
    XTest,
    yTrain: dataset.train.map((i) => dataset.y[i]),
    yTest: dataset.test.map((i) => dataset.y[i]),
  };
}

function selectColumns(m: Matrix, columns: number[]): Matrix {
  const data = new Float64Array(m.nRows * columns.length);
  columns.forEach((column, c) => data.set(m.data.subarray(column * m.nRows, (column + 1) * m.nRows), c * m.nRows));
  return createMatrix(m.nRows, columns.length, data);
}

/** Row-major expected values (one array per row) against a column-major matrix: the largest gap. */
export function maxAbsDifference(expected: number[][], actual: Matrix): number {
  let worst = 0;
  expected.forEach((row, i) =>
    row.forEach((value, c) => {
      worst = Math.max(worst, Math.abs(actual.data[c * actual.nRows + i] - value));
    }),
  );
  return worst;
}
