import { describe, expect, it } from 'vitest';
import { createMatrix, takeRows, type Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { Classifier, Estimator, Regressor } from '../estimator/estimator.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import { loadTreeData } from '../../../test/helpers/ml/tree-fixtures.js';
import { TREE_MODEL_SPECS } from './tree-models.js';

/**
 * One conformance suite over every model on the tree core: unfitted until fit, refits from scratch,
 * the seed reproduces the fit, batch and row-by-row predictions agree, a save/load round trip
 * predicts identically, probabilities sum to 1, importances sum to 1 (or are all 0, never NaN),
 * progress rises to 1, and a model that cannot split reports zero importances.
 */

/** Fewer rounds than the defaults, so the suite stays quick; nothing it checks depends on the count. */
const QUICK: Record<string, Record<string, unknown>> = {
  random_forest: { n_estimators: 10 },
  extra_trees: { n_estimators: 10 },
  gradient_boosting: { n_estimators: 20 },
  hist_gradient_boosting: { max_iter: 20 },
  ada_boost: { n_estimators: 10 },
  xgboost: { n_estimators: 20, subsample: 0.8, colsample_bytree: 0.8 },
  lightgbm: { n_estimators: 20, subsample: 0.8, subsample_freq: 1 },
  catboost: { iterations: 30 },
};

function quickParams(spec: ModelSpec): Record<string, unknown> {
  const family = Object.keys(QUICK).find((prefix) => spec.modelType.startsWith(prefix));
  return { ...(family ? QUICK[family] : {}), random_state: 7 };
}

function dataFor(spec: ModelSpec) {
  return loadTreeData(spec.taskType === 'classification' ? 'wine' : 'diabetes');
}

type Data = ReturnType<typeof dataFor>;

function fit(model: Estimator, data: Data, X = data.Xtrain, y = data.ytrain, onProgress?: (f: number) => void): Estimator {
  const ctx = { onProgress };
  if (model.task === 'classification') return model.fit(X, Int32Array.from(y), data.nClasses, ctx);
  if (model.task === 'regression') return model.fit(X, Float64Array.from(y), ctx);
  throw new Error('no clustering model on the tree core');
}

function outputsOf(model: Estimator, X: Matrix): number[][] {
  if (model.task === 'regression') return [Array.from((model as Regressor).predict(X))];
  const classifier = model as Classifier;
  return [Array.from(classifier.predict(X)), Array.from(classifier.predictProba(X)!.data)];
}

describe.each(TREE_MODEL_SPECS.map((spec) => [spec.modelType, spec] as const))('%s', (_, spec) => {
  const data = dataFor(spec);
  const params = quickParams(spec);
  const make = (given = params) => spec.create(resolveHyperparameters(spec.modelType, spec.hyperparameters, given));

  it('is unfitted until fit, and fit returns the model', () => {
    const model = make();
    expect(() => outputsOf(model, data.Xtest)).toThrow(NotFittedError);
    expect(() => model.toState()).toThrow(NotFittedError);
    expect(() => model.featureImportance()).toThrow(NotFittedError);
    expect(fit(model, data)).toBe(model);
  });

  it('refits from scratch and reproduces a seeded fit, reporting progress up to 1', () => {
    const progress: number[] = [];
    const reference = outputsOf(fit(make(), data, data.Xtrain, data.ytrain, (f) => progress.push(f)), data.Xtest);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
    expect(progress.at(-1)).toBeLessThanOrEqual(1);
    const model = fit(make(), data, takeRows(data.Xtrain, [0, 1, 2, 3, 4, 5, 6, 7]), data.ytrain.slice(0, 8));
    expect(outputsOf(fit(model, data), data.Xtest)).toEqual(reference);
  });

  it('predicts the same in batch and row by row, and after a save/load round trip', () => {
    const model = fit(make(), data);
    const batch = outputsOf(model, data.Xtest);
    const n = data.Xtest.nRows;
    for (let i = 0; i < n; i += 9) {
      const single = outputsOf(model, takeRows(data.Xtest, [i]));
      single.forEach((values, k) => {
        const width = batch[k].length / n;
        expect(values).toEqual(Array.from({ length: width }, (__, c) => batch[k][c * n + i]));
      });
    }
    const restored = spec.restore(decodeState(JSON.parse(JSON.stringify(encodeState(model.toState())))));
    expect(outputsOf(restored, data.Xtest)).toEqual(batch);
    expect(restored.featureImportance()).toEqual(model.featureImportance());
  });

  it('gives probabilities that sum to 1 and importances that sum to 1', () => {
    const model = fit(make(), data);
    if (model.task === 'classification') {
      const proba = (model as Classifier).predictProba(data.Xtest)!;
      for (let i = 0; i < proba.nRows; i++) {
        let sum = 0;
        for (let k = 0; k < proba.nCols; k++) sum += proba.data[k * proba.nRows + i];
        expect(sum).toBeCloseTo(1, 12);
      }
    }
    const { method, values } = model.featureImportance()!;
    expect(method).toBe('feature_importances_');
    expect(values.every((v) => v >= 0)).toBe(true);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('reports all-zero importances, never NaN, when nothing can be split', () => {
    const n = 40;
    const constantFeatures = createMatrix(n, 3, new Float64Array(3 * n).fill(2.5));
    const varyingFeatures = createMatrix(n, 3, Float64Array.from({ length: 3 * n }, (__, i) => i % 7));
    const labels = Array.from({ length: n }, (__, i) => i % 2);
    const cases: [Matrix, number[]][] = [
      // Constant features: no split exists.
      [constantFeatures, spec.taskType === 'classification' ? labels : labels.map((l) => 3 * l)],
      // A constant target: no split gains anything.
      [varyingFeatures, new Array<number>(n).fill(spec.taskType === 'classification' ? 0 : 4.2)],
    ];
    for (const [X, y] of cases) {
      const model = make();
      if (model.task === 'classification') model.fit(X, Int32Array.from(y), 2);
      else (model as Regressor).fit(X, Float64Array.from(y));
      expect(Array.from(model.featureImportance()!.values)).toEqual([0, 0, 0]);
    }
  });
});
