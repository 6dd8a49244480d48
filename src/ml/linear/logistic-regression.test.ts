import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows, takeRows } from '../core/matrix.js';
import { InvalidHyperparameterError, InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import { logisticObjective, type LogisticProblem } from './logistic-loss.js';
import { LogisticRegression, logisticRegressionSpec } from './logistic-regression.js';
import { maxAbsDifference, paritySplit, type ParityDataset } from '../../../test/helpers/ml/parity-dataset.js';

interface LogisticCase {
  name: string;
  dataset: string;
  scale: string;
  features: number[] | null;
  params: Record<string, unknown>;
  objective: number;
  nIter: number;
  converged: boolean;
  coef: number[][];
  intercept: number[];
  decision: number[][];
  proba: number[][];
  predict: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/linear-logistic.json', import.meta.url), 'utf8'),
) as { datasets: Record<string, ParityDataset>; cases: LogisticCase[] };

function create(params: Record<string, unknown> = {}): LogisticRegression {
  return logisticRegressionSpec.create(
    resolveHyperparameters('logistic_regression', logisticRegressionSpec.hyperparameters, params),
  ) as LogisticRegression;
}

function fitCase(c: LogisticCase) {
  const dataset = fixture.datasets[c.dataset];
  const split = paritySplit(dataset, c.scale, c.features);
  const model = create(c.params).fit(split.XTrain, Int32Array.from(split.yTrain), dataset.classes!.length);
  return { model, split, nClasses: dataset.classes!.length };
}

/** Our coefficients and intercepts, as scikit-learn lays them out. */
function coefficientsOf(model: LogisticRegression): { coef: number[][]; intercept: number[] } {
  const fitted = model.toState().fitted as { weights: Float64Array; nFeatures: number; hasIntercept: boolean };
  const stride = fitted.nFeatures + (fitted.hasIntercept ? 1 : 0);
  const coef: number[][] = [];
  const intercept: number[] = [];
  for (let r = 0; r * stride < fitted.weights.length; r++) {
    coef.push(Array.from(fitted.weights.subarray(r * stride, r * stride + fitted.nFeatures)));
    intercept.push(fitted.hasIntercept ? fitted.weights[r * stride + fitted.nFeatures] : 0);
  }
  return { coef, intercept };
}

/**
 * The largest gap over all parameters (coefficients and intercepts), relative to the largest
 * scikit-learn parameter: a norm-wise relative error, meaningful even for coefficients near 0.
 */
function relativeCoefficientGap(model: LogisticRegression, c: LogisticCase): number {
  const ours = coefficientsOf(model);
  const scale = Math.max(...c.coef.flat().map(Math.abs), ...c.intercept.map(Math.abs));
  let gap = 0;
  c.coef.forEach((row, r) => row.forEach((v, j) => (gap = Math.max(gap, Math.abs(ours.coef[r][j] - v)))));
  c.intercept.forEach((v, r) => (gap = Math.max(gap, Math.abs(ours.intercept[r] - v))));
  return gap / scale;
}

/** Our objective at our solution, to compare with scikit-learn's at its own. */
function objectiveOf(
  model: LogisticRegression,
  c: LogisticCase,
  split: ReturnType<typeof paritySplit>,
  nClasses: number,
): number {
  const fitted = model.toState().fitted as { weights: Float64Array; hasIntercept: boolean };
  const y = Int32Array.from(split.yTrain);
  const counts = new Array<number>(nClasses).fill(0);
  y.forEach((label) => counts[label]++);
  const problem: LogisticProblem = {
    X: split.XTrain,
    y,
    nClasses,
    sampleWeight: Float64Array.from(y, (label) =>
      c.params.class_weight === 'balanced' ? y.length / (nClasses * counts[label]) : 1,
    ),
    l2: c.params.penalty === null ? 0 : 1 / ((c.params.C as number | undefined) ?? 1),
    fitIntercept: fitted.hasIntercept,
  };
  return logisticObjective(problem)(fitted.weights, new Float64Array(fitted.weights.length));
}

const converged = fixture.cases.filter((c) => c.converged && c.name !== 'iris-multinomial');

describe('LogisticRegression parity with scikit-learn 1.2 (lbfgs)', () => {
  it.each(converged.map((c) => [c.name, c] as const))('converged case %s', (_, c) => {
    const { model, split } = fitCase(c);
    // The optimiser takes scikit-learn's path step for step (see lbfgs.ts); the only differences are
    // the last bits of dot products (OpenBLAS with FMA against plain sums), which grow a little along
    // the path: measured at most 2.4e-8 of the largest parameter (unscaled iris, C=10), 1e-13 or
    // less on the scaled data. 1e-6 keeps a margin and is still 100x tighter than the 1e-4 goal.
    expect(relativeCoefficientGap(model, c)).toBeLessThan(1e-6);
    expect(model.convergence).toEqual({ nIter: c.nIter, converged: true });
    expect(maxAbsDifference(c.proba, model.predictProba(split.XTest))).toBeLessThan(1e-6);
    expect(maxAbsDifference(c.decision, model.decisionFunction(split.XTest))).toBeLessThan(1e-5);
    expect(Array.from(model.predict(split.XTest))).toEqual(c.predict);
  });

  it('unscaled iris: same optimum to within where scikit-learn itself stops', () => {
    const c = fixture.cases.find((candidate) => candidate.name === 'iris-multinomial')!;
    const { model, split, nClasses } = fitCase(c);
    // Unscaled iris is ill-conditioned: the rounding differences above grow to ~1e-6 of the
    // objective by iteration 60, the paths part, and each run stops on the relative-decrease test
    // (ours after 90 iterations, scikit-learn's after 92) about 2e-4 of the largest parameter
    // short of the true optimum. Measured gap between the two: 2.2e-4; objective gap 1.3e-8.
    expect(relativeCoefficientGap(model, c)).toBeLessThan(1e-3);
    expect(Math.abs(model.convergence.nIter - c.nIter)).toBeLessThanOrEqual(5);
    const objective = objectiveOf(model, c, split, nClasses);
    expect(Math.abs(objective - c.objective) / c.objective).toBeLessThan(1e-7);
    expect(maxAbsDifference(c.proba, model.predictProba(split.XTest))).toBeLessThan(1e-3);
    expect(Array.from(model.predict(split.XTest))).toEqual(c.predict);
  });

  it('unscaled breast cancer: both stop at max_iter=100 on a path that rounding sends elsewhere', () => {
    const c = fixture.cases.find((candidate) => candidate.name === 'breast-cancer-binary-unscaled')!;
    const { model, split, nClasses } = fitCase(c);
    expect(c.converged).toBe(false);
    expect(model.convergence).toEqual({ nIter: 100, converged: false });
    // Features span five orders of magnitude; after 100 iterations neither run is near the optimum
    // (objective 41.95), and where each ends depends on last-bit rounding: scikit-learn's objective
    // is 56.40, ours 48.55. Only the coarse outcome is comparable.
    const objective = objectiveOf(model, c, split, nClasses);
    expect(Math.abs(objective - c.objective) / c.objective).toBeLessThan(0.25);
    const predictions = model.predict(split.XTest);
    const agreeing = c.predict.filter((label, i) => label === predictions[i]).length;
    expect(agreeing / c.predict.length).toBeGreaterThan(0.9);
  });
});

describe('LogisticRegression as an estimator', () => {
  const iris = fixture.datasets.iris;
  const irisSplit = paritySplit(iris, 'standard');
  const yIris = Int32Array.from(irisSplit.yTrain);

  it('is unfitted until fit, and fit returns the model', () => {
    const model = create();
    expect(() => model.predict(irisSplit.XTest)).toThrow(NotFittedError);
    expect(() => model.predictProba(irisSplit.XTest)).toThrow(NotFittedError);
    expect(() => model.featureImportance()).toThrow(NotFittedError);
    expect(() => model.toState()).toThrow(NotFittedError);
    expect(model.fit(irisSplit.XTrain, yIris, 3)).toBe(model);
  });

  it('refits from scratch', () => {
    const breast = paritySplit(fixture.datasets.breast_cancer, 'standard');
    const model = create().fit(breast.XTrain, Int32Array.from(breast.yTrain), 2);
    model.fit(irisSplit.XTrain, yIris, 3);
    const fresh = create().fit(irisSplit.XTrain, yIris, 3);
    expect(model.predictProba(irisSplit.XTest)).toEqual(fresh.predictProba(irisSplit.XTest));
  });

  it('predicts the same in batch and row by row, with probabilities summing to 1', () => {
    const model = create().fit(irisSplit.XTrain, yIris, 3);
    const batch = model.predictProba(irisSplit.XTest);
    const labels = model.predict(irisSplit.XTest);
    for (let i = 0; i < irisSplit.XTest.nRows; i++) {
      const row = takeRows(irisSplit.XTest, [i]);
      expect(model.predict(row)[0]).toBe(labels[i]);
      const single = model.predictProba(row);
      let total = 0;
      for (let k = 0; k < 3; k++) {
        expect(single.data[k]).toBe(batch.data[k * batch.nRows + i]);
        total += single.data[k];
      }
      expect(total).toBeCloseTo(1, 14);
    }
  });

  it('round-trips through the model file format and predicts identically', () => {
    const model = create({ C: 0.5 }).fit(irisSplit.XTrain, yIris, 3);
    const json = JSON.parse(JSON.stringify(encodeState(model.toState())));
    const restored = logisticRegressionSpec.restore(decodeState(json)) as LogisticRegression;
    expect(restored.params).toEqual(model.params);
    expect(restored.predictProba(irisSplit.XTest)).toEqual(model.predictProba(irisSplit.XTest));
    expect(restored.predict(irisSplit.XTest)).toEqual(model.predict(irisSplit.XTest));
    expect(restored.featureImportance()).toEqual(model.featureImportance());
  });

  it('keeps only weights in its state, never the training rows', () => {
    const state = create().fit(irisSplit.XTrain, yIris, 3).toState();
    expect((state.fitted.weights as Float64Array).length).toBe(3 * 5);
    expect(Object.keys(state.fitted).sort()).toEqual(
      ['classIndices', 'converged', 'hasIntercept', 'nClasses', 'nFeatures', 'nIter', 'weights'].sort(),
    );
  });

  it("reports coefficient importance: mean |coef| over classes, normalised, with scikit-learn's signs", () => {
    const c = fixture.cases.find((candidate) => candidate.name === 'iris-multinomial-scaled')!;
    const { model } = fitCase(c);
    const importance = model.featureImportance();
    expect(importance.method).toBe('coef_');
    const meanAbs = c.coef[0].map((_, j) => c.coef.reduce((acc, row) => acc + Math.abs(row[j]), 0) / 3);
    const total = meanAbs.reduce((a, b) => a + b);
    importance.values.forEach((value, j) => expect(value).toBeCloseTo(meanAbs[j] / total, 9));
    importance.coefficients!.forEach((row, r) => row.forEach((value, j) => expect(value).toBeCloseTo(c.coef[r][j], 9)));
  });

  it('reports progress per iteration, ending at 1', () => {
    const fractions: number[] = [];
    create().fit(irisSplit.XTrain, yIris, 3, { onProgress: (fraction) => fractions.push(fraction) });
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions.at(-1)).toBe(1);
    fractions.forEach((fraction, i) => i > 0 && expect(fraction).toBeGreaterThanOrEqual(fractions[i - 1]));
  });

  it('gives classes absent from training zero probability and never predicts them', () => {
    const rows = irisSplit.yTrain.map((label, i) => (label === 1 ? -1 : i)).filter((i) => i >= 0);
    const X = takeRows(irisSplit.XTrain, rows);
    // Classes 0 and 2 present out of 4: a binary model underneath, mapped back to the four columns.
    const y = Int32Array.from(rows, (i) => (irisSplit.yTrain[i] === 2 ? 3 : 0));
    const model = create().fit(X, y, 4);
    const proba = model.predictProba(irisSplit.XTest);
    const labels = model.predict(irisSplit.XTest);
    for (let i = 0; i < proba.nRows; i++) {
      expect(proba.data[1 * proba.nRows + i]).toBe(0);
      expect(proba.data[2 * proba.nRows + i]).toBe(0);
      expect(proba.data[i] + proba.data[3 * proba.nRows + i]).toBeCloseTo(1, 15);
      expect([0, 3]).toContain(labels[i]);
    }
    expect(model.featureImportance().coefficients).toHaveLength(1);
  });

  it('rejects data it cannot learn from', () => {
    const X = matrixFromRows([[1], [2], [3]]);
    expect(() => create().fit(X, Int32Array.from([1, 1, 1]), 2)).toThrow(InvalidTrainingDataError);
    expect(() => create().fit(X, Int32Array.from([0, 1]), 2)).toThrow(InvalidTrainingDataError);
    expect(() => create().fit(X, Int32Array.from([0, 1, 2]), 2)).toThrow(InvalidTrainingDataError);
    expect(() => create().fit(matrixFromRows([[1], [NaN]]), Int32Array.from([0, 1]), 2)).toThrow(
      InvalidTrainingDataError,
    );
    const model = create().fit(X, Int32Array.from([0, 1, 1]), 2);
    expect(() => model.predict(createMatrix(2, 2))).toThrow(RangeError);
  });

  it("validates hyperparameters with scikit-learn's constraints", () => {
    const resolve = (params: Record<string, unknown>) =>
      resolveHyperparameters('logistic_regression', logisticRegressionSpec.hyperparameters, params);
    expect(resolve({})).toEqual({
      penalty: 'l2',
      C: 1,
      max_iter: 100,
      tol: 1e-4,
      fit_intercept: true,
      class_weight: null,
      random_state: null,
      solver: 'lbfgs',
    });
    const accepted = [
      { penalty: null },
      { penalty: 'none' },
      { tol: 0 },
      { max_iter: 0 },
      { C: 1e-8 },
      { random_state: 3 },
    ];
    for (const ok of accepted) {
      expect(() => resolve(ok)).not.toThrow();
    }
    const rejected = [
      { C: 0 },
      { penalty: 'l1' },
      { max_iter: -1 },
      { max_iter: 1.5 },
      { tol: -1 },
      { solver: 'saga' },
    ];
    for (const bad of rejected) {
      expect(() => resolve(bad)).toThrow(InvalidHyperparameterError);
    }
  });

  it('declares its catalogue entry', () => {
    expect(logisticRegressionSpec).toMatchObject({
      modelType: 'logistic_regression',
      taskType: 'classification',
      family: 'linear',
      importanceMethod: 'coef_',
      needsScaling: true,
    });
  });
});
