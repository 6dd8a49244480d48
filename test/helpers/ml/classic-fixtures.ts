import { expect } from 'vitest';
import { takeRows, type Matrix } from '../../../src/ml/core/matrix.js';
import type { Classifier, Regressor } from '../../../src/ml/estimator/estimator.js';
import { resolveHyperparameters } from '../../../src/ml/estimator/hyperparameters.js';
import type { ModelSpec } from '../../../src/ml/estimator/model-spec.js';
import { classificationReport } from '../../../src/ml/metrics/classification.js';
import { regressionReport } from '../../../src/ml/metrics/regression.js';
import { readParityFixture } from './parity-fixture.js';
import { paritySplit, type ParityDataset, type ParitySplit } from './parity-dataset.js';

/**
 * Test support for the classic-model parity fixtures (scripts/fixtures/classic_*.py): the shared data
 * sets of classic-datasets.json, their splits, and the service's scores of a fitted model.
 */
const datasets = readParityFixture<{ datasets: Record<string, ParityDataset> }>('classic-datasets.json').datasets;

export interface ClassicSplit extends ParitySplit {
  /** Number of classes of a classification data set; 0 for regression. */
  nClasses: number;
}

/** A data set's fixture split, scaled like the script did, optionally keeping only the first training rows. */
export function classicSplit(datasetName: string, scale: string, trainRows: number | null = null): ClassicSplit {
  const dataset = datasets[datasetName];
  if (!dataset) throw new Error(`no data set ${datasetName} in classic-datasets.json`);
  const split = paritySplit(dataset, scale);
  const nClasses = dataset.classes?.length ?? 0;
  if (trainRows === null) return { ...split, nClasses };
  const kept = Array.from({ length: trainRows }, (_, i) => i);
  return { ...split, XTrain: takeRows(split.XTrain, kept), yTrain: split.yTrain.slice(0, trainRows), nClasses };
}

export function createModel<T>(spec: ModelSpec, params: Record<string, unknown> = {}): T {
  return spec.create(resolveHyperparameters(spec.modelType, spec.hyperparameters, params)) as T;
}

export function fitClassifier<T extends Classifier>(spec: ModelSpec, split: ClassicSplit, params: Record<string, unknown> = {}): T {
  return createModel<T>(spec, params).fit(split.XTrain, Int32Array.from(split.yTrain), split.nClasses);
}

export function fitRegressor<T extends Regressor>(spec: ModelSpec, split: ClassicSplit, params: Record<string, unknown> = {}): T {
  return createModel<T>(spec, params).fit(split.XTrain, Float64Array.from(split.yTrain));
}

/** The metrics the service would report for a classifier on the test rows. */
export function classifierScores(model: Classifier, split: ClassicSplit): Record<string, number | null> {
  const proba = model.predictProba(split.XTest);
  const decision = proba === null ? (model.decisionFunction?.(split.XTest) ?? null) : null;
  const y = Int32Array.from(split.yTest);
  return classificationReport(y, model.predict(split.XTest), proba, split.nClasses, decision).metrics;
}

export function regressorScores(model: Regressor, split: ClassicSplit): Record<string, number | null> {
  return regressionReport(Float64Array.from(split.yTest), model.predict(split.XTest)).metrics;
}

/** Every metric within `tolerance` of scikit-learn's (null where scikit-learn's is null). */
export function expectScoresClose(
  ours: Record<string, number | null>,
  theirs: Record<string, number | null>,
  tolerance: number,
): void {
  for (const [name, value] of Object.entries(theirs)) {
    if (value === null) expect(ours[name], name).toBeNull();
    else expect(Math.abs((ours[name] ?? NaN) - value), name).toBeLessThanOrEqual(tolerance);
  }
}

/**
 * The largest gap between our values and scikit-learn's, relative to scikit-learn's largest value:
 * a norm-wise relative error, meaningful even for coefficients near 0.
 */
export function relativeGap(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let scale = 0;
  let gap = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]));
    gap = Math.max(gap, Math.abs(actual[i] - expected[i]));
  }
  return scale === 0 ? gap : gap / scale;
}

/** A column-major matrix as scikit-learn's row lists, flattened row after row. */
export function rowMajor(m: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.nRows; i++) for (let c = 0; c < m.nCols; c++) out.push(m.data[c * m.nRows + i]);
  return out;
}

/** What a deterministic parity case records of scikit-learn's answers on the test rows. */
export interface ExpectedAnswers {
  /** decision_function, one row per test row (classifiers without probabilities). */
  decision?: number[][];
  predict: number[];
  scores: Record<string, number | null>;
}

/**
 * The fitted model answers the test rows as scikit-learn did: decision values and regression
 * predictions within 1e-9 relative (the fits agree to rounding), the same classes, and so the same
 * metrics (1e-12 for classification, whose metrics count classes; 1e-6, the bound, for
 * regression metrics computed from values equal to 1e-9).
 */
export function expectSameAnswers(model: Classifier | Regressor, split: ClassicSplit, expected: ExpectedAnswers): void {
  if (model.task === 'regression') {
    expect(relativeGap(model.predict(split.XTest), expected.predict)).toBeLessThan(1e-9);
    expectScoresClose(regressorScores(model, split), expected.scores, 1e-6);
    return;
  }
  if (expected.decision) {
    expect(relativeGap(rowMajor(model.decisionFunction!(split.XTest)), expected.decision.flat())).toBeLessThan(1e-9);
  }
  expect(Array.from(model.predict(split.XTest))).toEqual(expected.predict);
  expectScoresClose(classifierScores(model, split), expected.scores, 1e-12);
}
