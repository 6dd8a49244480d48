import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows, rowOf } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { InvalidHyperparameterError, NotFittedError } from '../estimator/errors.js';
import type { Estimator } from '../estimator/estimator.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  decisionTreeClassifierSpec,
  decisionTreeRegressorSpec,
} from './decision-tree.js';

function data(seed: number, nRows = 200) {
  const rng = new Random(seed);
  const X = createMatrix(nRows, 3);
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.normal();
  const y = Int32Array.from({ length: nRows }, (_, r) => (X.data[r] > 0 ? 1 : 0) + (X.data[nRows + r] > 0.5 ? 1 : 0));
  const target = Float64Array.from({ length: nRows }, (_, r) => 2 * X.data[r] - X.data[2 * nRows + r] + 0.1 * rng.normal());
  return { X, y, target };
}

/** Through the model file path: toState, encode, JSON text, decode, restore. */
function roundTrip(spec: ModelSpec, model: Estimator): Estimator {
  return spec.restore(decodeState(JSON.parse(JSON.stringify(encodeState(model.toState())))));
}

describe('DecisionTreeClassifier', () => {
  const { X, y } = data(1);

  it('throws NotFittedError before fit', () => {
    const model = new DecisionTreeClassifier();
    expect(() => model.predict(X)).toThrow(NotFittedError);
    expect(() => model.predictProba(X)).toThrow(NotFittedError);
    expect(() => model.featureImportance()).toThrow(NotFittedError);
    expect(() => model.toState()).toThrow(NotFittedError);
  });

  it('fits the training rows exactly when grown fully, with probabilities summing to 1', () => {
    const model = new DecisionTreeClassifier({ random_state: 0 }).fit(X, y, 3);
    expect(Array.from(model.predict(X))).toEqual(Array.from(y));
    const proba = model.predictProba(X);
    expect(proba.nCols).toBe(3);
    for (let r = 0; r < X.nRows; r++) {
      expect(proba.data[r] + proba.data[X.nRows + r] + proba.data[2 * X.nRows + r]).toBeCloseTo(1, 12);
    }
  });

  it('predicts a batch exactly as row by row', () => {
    const model = new DecisionTreeClassifier({ max_depth: 4, random_state: 3 }).fit(X, y, 3);
    const batch = model.predict(X);
    for (let r = 0; r < 20; r++) expect(model.predict(matrixFromRows([rowOf(X, r)]))[0]).toBe(batch[r]);
  });

  it('reproduces with the same seed, and a refit starts from scratch', () => {
    const other = data(2);
    const reused = new DecisionTreeClassifier({ random_state: 7 }).fit(X, y, 3).fit(other.X, other.y, 3);
    const fresh = new DecisionTreeClassifier({ random_state: 7 }).fit(other.X, other.y, 3);
    expect(reused.toState()).toEqual(fresh.toState());
  });

  it('loads a file saved when min_samples_split took 1 as the 2 it was grown with', () => {
    const model = new DecisionTreeClassifier({ min_samples_split: 2, random_state: 0 }).fit(X, y, 3);
    const saved = { ...model.toState(), params: { ...model.params, min_samples_split: 1 } };
    const restored = decisionTreeClassifierSpec.restore(saved) as DecisionTreeClassifier;
    expect(restored.params.min_samples_split).toBe(2);
    expect(restored.predictProba(X).data).toEqual(model.predictProba(X).data);
  });

  it('round-trips through the model file format and predicts identically', () => {
    const model = new DecisionTreeClassifier({ max_depth: 5, criterion: 'entropy', random_state: 0 }).fit(X, y, 3);
    const restored = roundTrip(decisionTreeClassifierSpec, model) as DecisionTreeClassifier;
    expect(restored.params).toEqual(model.params);
    expect(restored.predictProba(X).data).toEqual(model.predictProba(X).data);
    expect(restored.featureImportance()).toEqual(model.featureImportance());
  });

  it('reports importances summing to 1 over the features that matter', () => {
    const { values } = new DecisionTreeClassifier({ random_state: 0 }).fit(X, y, 3).featureImportance();
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(values[0] + values[1]).toBeGreaterThan(0.9);
  });

  it('learns a single leaf from a single class: zero importances and certain predictions', () => {
    const model = new DecisionTreeClassifier().fit(X, new Int32Array(X.nRows).fill(1), 2);
    expect(Array.from(model.featureImportance().values)).toEqual([0, 0, 0]);
    expect(Array.from(model.predict(X)).every((label) => label === 1)).toBe(true);
    expect(model.predictProba(X).data[X.nRows]).toBe(1);
  });

  it('sends missing values left, in training and prediction', () => {
    const Xm = matrixFromRows([[NaN], [1], [2], [3], [NaN], [4]]);
    const model = new DecisionTreeClassifier().fit(Xm, Int32Array.of(0, 0, 1, 1, 0, 1), 2);
    expect(Array.from(model.predict(matrixFromRows([[NaN], [1.4], [2.6]])))).toEqual([0, 0, 1]);
  });

  it('reports progress once the tree is grown', () => {
    const seen: number[] = [];
    new DecisionTreeClassifier().fit(X, y, 3, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([1]);
  });

  it('rejects bad hyperparameters and data', () => {
    expect(() => new DecisionTreeClassifier({ n_estimators: 10 })).toThrow(InvalidHyperparameterError);
    expect(() => new DecisionTreeClassifier({ max_features: 4 }).fit(X, y, 3)).toThrow(InvalidHyperparameterError);
    expect(() => new DecisionTreeClassifier().fit(X, y.subarray(1), 3)).toThrow(/rows/);
    expect(() => new DecisionTreeClassifier().fit(X, y, 2)).toThrow(/label 2/);
    const model = new DecisionTreeClassifier().fit(X, y, 3);
    expect(() => model.predict(createMatrix(2, 4))).toThrow(RangeError);
  });

  it('describes itself in the catalogue', () => {
    expect(decisionTreeClassifierSpec).toMatchObject({
      modelType: 'decision_tree_classifier',
      taskType: 'classification',
      family: 'tree',
      importanceMethod: 'feature_importances_',
      needsScaling: false,
    });
    expect(decisionTreeClassifierSpec.create({}).modelType).toBe('decision_tree_classifier');
  });
});

describe('DecisionTreeRegressor', () => {
  const { X, target } = data(4);

  it('fits the training targets exactly when grown fully', () => {
    const model = new DecisionTreeRegressor().fit(X, target);
    expect(Array.from(model.predict(X))).toEqual(Array.from(target));
  });

  it('predicts the mean of each leaf', () => {
    const model = new DecisionTreeRegressor({ max_depth: 1 }).fit(X, target);
    const predictions = model.predict(X);
    const groups = new Map<number, number[]>();
    predictions.forEach((p, r) => groups.set(p, [...(groups.get(p) ?? []), target[r]]));
    expect(groups.size).toBe(2);
    for (const [prediction, members] of groups) {
      expect(prediction).toBeCloseTo(members.reduce((a, b) => a + b, 0) / members.length, 10);
    }
  });

  it('learns a constant target as one leaf with zero importances', () => {
    const model = new DecisionTreeRegressor().fit(X, new Float64Array(X.nRows).fill(3.5));
    expect(Array.from(model.featureImportance().values)).toEqual([0, 0, 0]);
    expect(Array.from(model.predict(X)).every((v) => v === 3.5)).toBe(true);
  });

  it('round-trips through the model file format and predicts identically', () => {
    const model = new DecisionTreeRegressor({ min_samples_leaf: 3, random_state: 1 }).fit(X, target);
    const restored = roundTrip(decisionTreeRegressorSpec, model) as DecisionTreeRegressor;
    expect(restored.predict(X)).toEqual(model.predict(X));
  });

  it('rejects a non-finite target and a state of another model', () => {
    const bad = target.slice();
    bad[3] = NaN;
    expect(() => new DecisionTreeRegressor().fit(X, bad)).toThrow(/NaN or infinite/);
    const state = new DecisionTreeRegressor().fit(X, target).toState();
    const renamed = { ...state, modelType: 'random_forest_regressor' };
    expect(() => decisionTreeRegressorSpec.restore(renamed)).toThrow(/not a decision_tree_regressor/);
  });
});
