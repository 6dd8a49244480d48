import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrixFromRows, takeRows, type Matrix } from '../core/matrix.js';
import { InvalidHyperparameterError, InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import { LinearRegression, linearRegressionSpec } from './linear-regression.js';
import type { ParityDataset } from '../../../test/helpers/ml/parity-dataset.js';

interface RegressionCase {
  name: string;
  params: Record<string, unknown>;
  transform: 'none' | 'duplicate-last';
  coef: number[];
  intercept: number;
  predict: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/linear-regression.json', import.meta.url), 'utf8'),
) as { dataset: ParityDataset; cases: RegressionCase[] };

function create(params: Record<string, unknown> = {}): LinearRegression {
  return linearRegressionSpec.create(
    resolveHyperparameters('linear_regression', linearRegressionSpec.hyperparameters, params),
  ) as LinearRegression;
}

function split(transform: RegressionCase['transform']): { XTrain: Matrix; XTest: Matrix; yTrain: Float64Array } {
  const { X, y, train, test } = fixture.dataset;
  const rows = transform === 'duplicate-last' ? X.map((row) => [...row, row[row.length - 1]]) : X;
  const all = matrixFromRows(rows);
  return { XTrain: takeRows(all, train), XTest: takeRows(all, test), yTrain: Float64Array.from(train, (i) => y[i]) };
}

function relativeGap(actual: ArrayLike<number>, expected: number[]): number {
  const scale = Math.max(...expected.map(Math.abs));
  return Math.max(...expected.map((value, i) => Math.abs(actual[i] - value))) / scale;
}

describe('LinearRegression parity with scikit-learn 1.2 on diabetes', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { XTrain, XTest, yTrain } = split(c.transform);
    const model = create(c.params).fit(XTrain, yTrain);
    const fitted = model.toState().fitted as { weights: Float64Array; hasIntercept: boolean };
    const coef = fitted.weights.subarray(0, c.coef.length);
    // Pivoted QR against LAPACK's SVD (or scipy's NNLS): the same solution, rounded differently.
    // Measured at most 3e-12 relative (the rank-deficient case, where lstsq's own two copies of the
    // duplicated column already differ by 8e-12); the catalogue issue asks for 1e-4.
    expect(relativeGap(coef, c.coef)).toBeLessThan(1e-9);
    const intercept = fitted.hasIntercept ? fitted.weights[c.coef.length] : 0;
    expect(Math.abs(intercept - c.intercept)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c.intercept)));
    expect(relativeGap(model.predict(XTest), c.predict)).toBeLessThan(1e-9);
  });

  it('keeps the positive coefficients at exactly zero where scikit-learn does', () => {
    const c = fixture.cases.find((candidate) => candidate.name === 'diabetes-positive')!;
    const { XTrain, yTrain } = split('none');
    const coefficients = create(c.params).fit(XTrain, yTrain).featureImportance().coefficients![0];
    coefficients.forEach((value, j) => expect(value === 0).toBe(c.coef[j] === 0));
  });
});

describe('LinearRegression as an estimator', () => {
  const { XTrain, XTest, yTrain } = split('none');

  it('is unfitted until fit, refits from scratch and round-trips through the model file', () => {
    const model = create();
    expect(() => model.predict(XTest)).toThrow(NotFittedError);
    expect(() => model.toState()).toThrow(NotFittedError);
    expect(model.fit(takeRows(XTrain, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), yTrain.subarray(0, 12))).toBe(model);
    model.fit(XTrain, yTrain);
    expect(model.predict(XTest)).toEqual(create().fit(XTrain, yTrain).predict(XTest));
    const json = JSON.parse(JSON.stringify(encodeState(model.toState())));
    const restored = linearRegressionSpec.restore(decodeState(json));
    expect(restored.params).toEqual(model.params);
    expect((restored as LinearRegression).predict(XTest)).toEqual(model.predict(XTest));
  });

  it('stores coefficients and intercept only, and reports rank', () => {
    const state = create().fit(XTrain, yTrain).toState();
    expect((state.fitted.weights as Float64Array).length).toBe(11);
    expect(state.fitted.rank).toBe(10);
    expect(create({ positive: true }).fit(XTrain, yTrain).toState().fitted.rank).toBeNull();
  });

  it('predicts the same in batch and row by row', () => {
    const model = create().fit(XTrain, yTrain);
    const batch = model.predict(XTest);
    for (let i = 0; i < XTest.nRows; i++) expect(model.predict(takeRows(XTest, [i]))[0]).toBe(batch[i]);
  });

  it('reports |coef| importance normalised to 1, with signed coefficients', () => {
    const c = fixture.cases.find((candidate) => candidate.name === 'diabetes')!;
    const importance = create().fit(XTrain, yTrain).featureImportance();
    const total = c.coef.reduce((acc, v) => acc + Math.abs(v), 0);
    expect(importance.method).toBe('coef_');
    importance.values.forEach((value, j) => expect(value).toBeCloseTo(Math.abs(c.coef[j]) / total, 12));
    expect(importance.coefficients).toHaveLength(1);
    expect(importance.coefficients![0][1]).toBeLessThan(0);
  });

  it('fits a constant target with zero coefficients and all-zero importance', () => {
    const model = create().fit(matrixFromRows([[1, 2], [3, 5], [4, 4]]), Float64Array.from([7, 7, 7]));
    expect(Array.from(model.predict(matrixFromRows([[10, -3]])))).toEqual([7]);
    expect(Array.from(model.featureImportance().values)).toEqual([0, 0]);
  });

  it('reports progress and rejects unusable data', () => {
    const fractions: number[] = [];
    create().fit(XTrain, yTrain, { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions).toEqual([1]);
    expect(() => create().fit(XTrain, yTrain.subarray(1))).toThrow(InvalidTrainingDataError);
    expect(() => create().fit(matrixFromRows([[1], [2]]), Float64Array.from([1, NaN]))).toThrow(
      InvalidTrainingDataError,
    );
    expect(() => create().fit(XTrain, yTrain).predict(matrixFromRows([[1, 2]]))).toThrow(RangeError);
  });

  it('declares its hyperparameters and catalogue entry', () => {
    const resolve = (params: Record<string, unknown>) =>
      resolveHyperparameters('linear_regression', linearRegressionSpec.hyperparameters, params);
    expect(resolve({})).toEqual({ fit_intercept: true, positive: false });
    expect(() => resolve({ positive: 'yes' })).toThrow(InvalidHyperparameterError);
    expect(() => resolve({ alpha: 1 })).toThrow(InvalidHyperparameterError);
    expect(linearRegressionSpec).toMatchObject({
      modelType: 'linear_regression',
      taskType: 'regression',
      family: 'linear',
      importanceMethod: 'coef_',
      needsScaling: false,
    });
  });
});
