import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { InvalidTrainingDataError } from '../estimator/errors.js';
import { classicSplit, createModel, expectSameAnswers, fitRegressor } from '../../../test/helpers/ml/classic-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';
import { KnnRegressor, knnRegressorSpec } from './knn-regressor.js';

interface NeighborsCase {
  dataset: string;
  scale: string;
  params: Record<string, unknown>;
  query: 'test' | 'train';
  predict: number[];
  scores: Record<string, number | null>;
}

const fixture = readParityFixture<{ cases: NeighborsCase[] }>('classic-neighbors.json');

describe('KnnRegressor parity with scikit-learn 1.2 on diabetes', () => {
  it.each(fixture.cases.map((c) => [`${c.scale} ${JSON.stringify(c.params)} on ${c.query} rows`, c] as const))('%s', (_, c) => {
    const split = classicSplit(c.dataset, c.scale);
    const model = fitRegressor<KnnRegressor>(knnRegressorSpec, split, c.params);
    const queries = c.query === 'train' ? { ...split, XTest: split.XTrain, yTest: split.yTrain } : split;
    // The same neighbours summed in the same order; only scikit-learn's BLAS-based distances round
    // differently, which reaches the inverse-distance weights (measured at most 2e-16 relative).
    expectSameAnswers(model, queries, c);
  });
});

describe('KnnRegressor', () => {
  it('averages the nearest targets, or lets coincident rows alone count under distance weights', () => {
    const X = matrixFromRows([[0], [1], [3], [10]]);
    const y = Float64Array.from([1, 2, 4, 100]);
    const uniform = createModel<KnnRegressor>(knnRegressorSpec, { n_neighbors: 3 }).fit(X, y);
    expect(Array.from(uniform.predict(matrixFromRows([[0.9]])))).toEqual([7 / 3]);
    const byDistance = createModel<KnnRegressor>(knnRegressorSpec, { n_neighbors: 2, weights: 'distance' }).fit(X, y);
    expect(Array.from(byDistance.predict(matrixFromRows([[1], [2]])))).toEqual([2, 3]);
    expect(byDistance.featureImportance()).toBeNull();
  });

  it('needs at least n_neighbors training rows and finite targets', () => {
    const model = createModel<KnnRegressor>(knnRegressorSpec, { n_neighbors: 3 });
    expect(() => model.fit(matrixFromRows([[0], [1]]), Float64Array.from([1, 2]))).toThrow(
      new InvalidTrainingDataError('knn_regressor: n_neighbors (3) is larger than the number of training rows (2)'),
    );
    expect(() => model.fit(matrixFromRows([[0], [1], [2]]), Float64Array.from([1, NaN, 2]))).toThrow(
      InvalidTrainingDataError,
    );
  });
});
