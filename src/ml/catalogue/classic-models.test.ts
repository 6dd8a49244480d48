import { beforeAll, describe, expect, it } from 'vitest';
import { matrixFromRows, takeRows, type Matrix } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import type { Classifier, Estimator, Regressor } from '../estimator/estimator.js';
import type { ModelSpec } from '../estimator/model-spec.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import { classicSplit, createModel, type ClassicSplit } from '../../../test/helpers/ml/classic-fixtures.js';
import { CLASSIC_MODEL_SPECS } from './classic-models.js';

/**
 * One conformance suite over every classic model: unfitted until fit, fit returns the model and refits
 * from scratch, batch and row-by-row predictions agree, the seed reproduces the fit, a save/load round
 * trip predicts identically, and probabilities, decision values and importance keep their contracts.
 */

/** Settings that keep each fit quick without changing what is checked; svc and svr also run linear. */
const VARIANTS: Record<string, Record<string, unknown>[]> = {
  mlp_classifier: [{ max_iter: 30 }, { solver: 'lbfgs', max_iter: 30, hidden_layer_sizes: [8, 4] }],
  mlp_regressor: [{ max_iter: 30, learning_rate_init: 0.05 }],
  svc: [{}, { kernel: 'linear' }, { probability: true }],
  svr: [{ C: 50 }, { kernel: 'linear', C: 50 }],
  sgd_classifier: [{}, { loss: 'log_loss' }, { loss: 'modified_huber' }],
};

/** Data each model can take: counts for multinomial naive Bayes (iris is non-negative), z-scores otherwise. */
function dataFor(spec: ModelSpec): ClassicSplit {
  if (spec.taskType === 'regression') return classicSplit('diabetes', 'standard');
  return classicSplit('iris', spec.modelType === 'multinomial_naive_bayes' ? 'none' : 'standard');
}

function fit(spec: ModelSpec, params: Record<string, unknown>, split: ClassicSplit, X = split.XTrain, rows?: number[]): Estimator {
  const model = createModel<Estimator>(spec, params);
  const pick = <T extends number>(values: T[]) => (rows ? rows.map((i) => values[i]) : values);
  const data = rows ? takeRows(X, rows) : X;
  if (model.task === 'classification') return model.fit(data, Int32Array.from(pick(split.yTrain)), split.nClasses);
  if (model.task === 'regression') return model.fit(data, Float64Array.from(pick(split.yTrain)));
  throw new Error('no clustering model in the classic catalogue');
}

/** Everything a model says about X: predictions, and probabilities or decision values where it has them. */
function outputsOf(model: Estimator, X: Matrix): unknown[] {
  if (model.task === 'regression') return [Array.from((model as Regressor).predict(X))];
  const classifier = model as Classifier;
  const proba = classifier.predictProba(X);
  const decision = classifier.decisionFunction?.(X);
  return [Array.from(classifier.predict(X)), proba && Array.from(proba.data), decision && Array.from(decision.data)];
}

const CASES = CLASSIC_MODEL_SPECS.flatMap((spec) =>
  (VARIANTS[spec.modelType] ?? [{}]).map((params) => [`${spec.modelType} ${JSON.stringify(params)}`, spec, params] as const),
);

describe.each(CASES)('%s', (_, spec, params) => {
  const split = dataFor(spec);
  const seeded = { ...params, ...(spec.hyperparameters.some((d) => d.name === 'random_state') ? { random_state: 7 } : {}) };
  let model: Estimator;
  beforeAll(() => {
    model = fit(spec, seeded, split);
  });

  it('is unfitted until fit, and fit returns the model', () => {
    const unfitted = createModel<Estimator>(spec, seeded);
    expect(() => outputsOf(unfitted, split.XTest)).toThrow(NotFittedError);
    expect(() => unfitted.toState()).toThrow(NotFittedError);
    expect(() => unfitted.featureImportance()).toThrow(NotFittedError);
    expect(model).toBeInstanceOf(unfitted.constructor);
  });

  it('refits from scratch and reproduces a seeded fit', () => {
    const first40 = fit(spec, seeded, split, split.XTrain, Array.from({ length: 40 }, (_, i) => i));
    const refitted =
      first40.task === 'classification'
        ? first40.fit(split.XTrain, Int32Array.from(split.yTrain), split.nClasses)
        : (first40 as Regressor).fit(split.XTrain, Float64Array.from(split.yTrain));
    expect(outputsOf(refitted, split.XTest)).toEqual(outputsOf(model, split.XTest));
  });

  it('predicts the same in batch and row by row', () => {
    const batch = outputsOf(model, split.XTest) as (number[] | null)[];
    const width = (values: number[] | null) => (values ? values.length / split.XTest.nRows : 0);
    for (let i = 0; i < split.XTest.nRows; i += 7) {
      const single = outputsOf(model, takeRows(split.XTest, [i])) as (number[] | null)[];
      single.forEach((values, k) => {
        const columns = width(batch[k]);
        const expected = batch[k] && Array.from({ length: columns }, (_, c) => batch[k]![c * split.XTest.nRows + i]);
        expect(values, `output ${k} of row ${i}`).toEqual(expected);
      });
    }
  });

  it('round-trips through the model file and predicts identically', () => {
    const restored = spec.restore(decodeState(JSON.parse(JSON.stringify(encodeState(model.toState())))));
    expect(restored.params).toEqual(model.params);
    expect(outputsOf(restored, split.XTest)).toEqual(outputsOf(model, split.XTest));
    expect(restored.featureImportance()).toEqual(model.featureImportance());
  });

  it('keeps its probability, decision and importance contracts', () => {
    const importance = model.featureImportance();
    const linear = params.kernel === 'linear' || !['svc', 'svr'].includes(spec.modelType);
    if (spec.importanceMethod === null || !linear) expect(importance).toBeNull();
    else {
      expect(importance!.method).toBe('coef_');
      expect(importance!.values).toHaveLength(split.XTrain.nCols);
      expect(Array.from(importance!.values).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    if (model.task !== 'classification') return;
    const proba = model.predictProba(split.XTest);
    if (proba === null) {
      expect(model.decisionFunction, 'a model without probabilities has decision values').toBeDefined();
      return;
    }
    expect([proba.nRows, proba.nCols]).toEqual([split.XTest.nRows, split.nClasses]);
    for (let i = 0; i < proba.nRows; i++) {
      let total = 0;
      for (let c = 0; c < proba.nCols; c++) total += proba.data[c * proba.nRows + i];
      expect(total).toBeCloseTo(1, 12);
    }
  });

  it('reports progress up to 1 and rejects unusable input', () => {
    const fractions: number[] = [];
    const watched = createModel<Estimator>(spec, seeded);
    const onProgress = (fraction: number) => fractions.push(fraction);
    if (watched.task === 'classification') watched.fit(split.XTrain, Int32Array.from(split.yTrain), split.nClasses, { onProgress });
    else if (watched.task === 'regression') watched.fit(split.XTrain, Float64Array.from(split.yTrain), { onProgress });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
    const withNaN = takeRows(split.XTrain, Array.from({ length: split.XTrain.nRows }, (_, i) => i));
    withNaN.data[3] = NaN;
    expect(() => fit(spec, seeded, split, withNaN)).toThrow(InvalidTrainingDataError);
    expect(() => outputsOf(model, matrixFromRows([[1, 2]]))).toThrow(RangeError);
  });
});

describe('classic classifiers and a class absent from the training rows', () => {
  const split = classicSplit('iris', 'none');
  // Encoded classes 0..3 of which 3 never occurs: like a rare class that fell wholly in the test split.
  it.each(CLASSIC_MODEL_SPECS.filter((spec) => spec.taskType === 'classification').map((spec) => [spec.modelType, spec] as const))(
    '%s never predicts it and gives it probability 0',
    (_, spec) => {
      const params = VARIANTS[spec.modelType]?.[0] ?? {};
      const model = createModel<Classifier>(spec, params).fit(split.XTrain, Int32Array.from(split.yTrain), 4);
      expect(Array.from(model.predict(split.XTest)).every((label) => label < 3)).toBe(true);
      const proba = model.predictProba(split.XTest);
      if (proba) expect(Array.from(proba.data.subarray(3 * proba.nRows))).toEqual(new Array(proba.nRows).fill(0));
    },
  );
});
