import { describe, expect, it } from 'vitest';
import { createMatrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { InvalidHyperparameterError, NotFittedError } from '../estimator/errors.js';
import type { Estimator } from '../estimator/estimator.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import {
  RandomForestClassifier,
  RandomForestRegressor,
  randomForestClassifierSpec,
  randomForestRegressorSpec,
} from './random-forest.js';

function data(seed: number, nRows = 150) {
  const rng = new Random(seed);
  const X = createMatrix(nRows, 4);
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.normal();
  const y = Int32Array.from({ length: nRows }, (_, r) => (X.data[r] + X.data[nRows + r] > 0 ? 1 : 0));
  const target = Float64Array.from({ length: nRows }, (_, r) => X.data[r] * X.data[2 * nRows + r] + 0.2 * rng.normal());
  return { X, y, target };
}

function roundTrip(spec: ModelSpec, model: Estimator): Estimator {
  return spec.restore(decodeState(JSON.parse(JSON.stringify(encodeState(model.toState())))));
}

describe('RandomForestClassifier', () => {
  const { X, y } = data(1);

  it('has scikit-learn 1.2 defaults', () => {
    expect(new RandomForestClassifier().params).toMatchObject({
      n_estimators: 100,
      criterion: 'gini',
      max_features: 'sqrt',
      bootstrap: true,
      max_samples: null,
      max_depth: null,
    });
    expect(new RandomForestRegressor().params).toMatchObject({ criterion: 'squared_error', max_features: 1 });
  });

  it('throws NotFittedError before fit', () => {
    expect(() => new RandomForestClassifier().predictProba(X)).toThrow(NotFittedError);
  });

  it('reports progress after every tree', () => {
    const seen: number[] = [];
    new RandomForestClassifier({ n_estimators: 4, random_state: 0 }).fit(X, y, 2, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it('averages tree probabilities, is reproducible from its seed and differs across seeds', () => {
    const fit = (seed: number) => new RandomForestClassifier({ n_estimators: 10, random_state: seed }).fit(X, y, 2);
    const a = fit(3).predictProba(X);
    expect(fit(3).predictProba(X).data).toEqual(a.data);
    expect(fit(4).predictProba(X).data).not.toEqual(a.data);
    // Ten trees each giving 0 or 1 on a pure leaf: probabilities are multiples of 1/10 (up to rounding).
    for (const p of a.data) expect(Math.abs(p * 10 - Math.round(p * 10))).toBeLessThan(1e-9);
  });

  it('round-trips through the model file format and predicts identically', () => {
    const model = new RandomForestClassifier({ n_estimators: 8, max_depth: 4, random_state: 2 }).fit(X, y, 2);
    const restored = roundTrip(randomForestClassifierSpec, model) as RandomForestClassifier;
    expect(restored.predictProba(X).data).toEqual(model.predictProba(X).data);
    expect(restored.predict(X)).toEqual(model.predict(X));
    expect(restored.featureImportance()).toEqual(model.featureImportance());
  });

  it('validates max_samples against bootstrap and the row count', () => {
    expect(() => new RandomForestClassifier({ bootstrap: false, max_samples: 0.5 }).fit(X, y, 2)).toThrow(
      InvalidHyperparameterError,
    );
    expect(() => new RandomForestClassifier({ max_samples: X.nRows + 1 }).fit(X, y, 2)).toThrow(InvalidHyperparameterError);
    expect(() => new RandomForestClassifier({ n_estimators: 3, max_samples: 0.3 }).fit(X, y, 2)).not.toThrow();
  });

  it('reports zero importances when no tree could split', () => {
    const model = new RandomForestClassifier({ n_estimators: 5 }).fit(X, new Int32Array(X.nRows), 2);
    expect(Array.from(model.featureImportance().values)).toEqual([0, 0, 0, 0]);
    expect(Array.from(model.predict(X)).every((label) => label === 0)).toBe(true);
  });
});

describe('RandomForestRegressor', () => {
  const { X, target } = data(5);

  it('predicts the mean of its trees: without bootstrap and with every feature, each tree fits the data', () => {
    const model = new RandomForestRegressor({ n_estimators: 3, bootstrap: false, random_state: 0 }).fit(X, target);
    const predictions = model.predict(X);
    // Not exact: the mean is summed then divided like scikit-learn's, and (x + x + x) / 3 may round off x.
    for (let r = 0; r < X.nRows; r++) expect(predictions[r]).toBeCloseTo(target[r], 12);
  });

  it('round-trips through the model file format and predicts identically', () => {
    const model = new RandomForestRegressor({ n_estimators: 6, min_samples_leaf: 2, random_state: 8 }).fit(X, target);
    const restored = roundTrip(randomForestRegressorSpec, model) as RandomForestRegressor;
    expect(restored.predict(X)).toEqual(model.predict(X));
  });

  it('learns a constant target: a valid prediction and zero importances', () => {
    const model = new RandomForestRegressor({ n_estimators: 4 }).fit(X, new Float64Array(X.nRows).fill(-2));
    expect(Array.from(model.predict(X)).every((v) => v === -2)).toBe(true);
    expect(Array.from(model.featureImportance().values)).toEqual([0, 0, 0, 0]);
  });

  it('describes itself in the catalogue', () => {
    expect(randomForestRegressorSpec).toMatchObject({
      modelType: 'random_forest_regressor',
      taskType: 'regression',
      family: 'ensemble',
      importanceMethod: 'feature_importances_',
      needsScaling: false,
    });
  });
});
