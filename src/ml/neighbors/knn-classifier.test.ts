import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows, takeRows } from '../core/matrix.js';
import { InvalidHyperparameterError, InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import { maxAbsDifference, paritySplit, type ParityDataset } from '../../../test/helpers/ml/parity-dataset.js';
import { KnnClassifier, knnClassifierSpec } from './knn-classifier.js';
import type { DistanceKind, DistanceMetric } from '../kernels/distances.js';
import { forEachNeighbourhood } from './nearest-neighbors.js';

interface KnnCase {
  name: string;
  dataset: string;
  scale: string;
  query: 'test' | 'train';
  params: Record<string, unknown>;
  sklearnAlgorithm: 'kd_tree' | 'brute';
  predict: number[];
  proba: number[][];
  neighbourIndices: number[][];
  neighbourDistances: number[][];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/knn.json', import.meta.url), 'utf8'),
) as { datasets: Record<string, ParityDataset>; cases: KnnCase[] };

function create(params: Record<string, unknown> = {}): KnnClassifier {
  return knnClassifierSpec.create(
    resolveHyperparameters('knn_classifier', knnClassifierSpec.hyperparameters, params),
  ) as KnnClassifier;
}

function fitCase(c: KnnCase) {
  const dataset = fixture.datasets[c.dataset];
  const split = paritySplit(dataset, c.scale);
  const model = create(c.params).fit(split.XTrain, Int32Array.from(split.yTrain), dataset.classes!.length);
  return { model, split, queries: c.query === 'train' ? split.XTrain : split.XTest };
}

/**
 * scikit-learn's brute-force Euclidean search ranks neighbours by ||x||^2 - 2 x.y + ||y||^2 from a
 * BLAS product, whose rounding reorders distances that are equal in exact arithmetic. Iris, with
 * one-decimal measurements, has many such ties; its trees (and our search) sum (x - y)^2 directly.
 */
const BRUTE_TIE_CASE = 'iris-brute-k4';

describe('KnnClassifier parity with scikit-learn 1.2', () => {
  const exact = fixture.cases.filter((c) => c.name !== BRUTE_TIE_CASE);

  it.each(exact.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { model, queries } = fitCase(c);
    expect(Array.from(model.predict(queries))).toEqual(c.predict);
    // Same neighbours and the same additions: vote shares are equal to the last bit, except that
    // scikit-learn's brute search (breast cancer, 30 features) computes distances by a BLAS
    // product, a few ulps off ours, which reach the distance-weighted shares (measured 2.2e-16).
    expect(maxAbsDifference(c.proba, model.predictProba(queries))).toBeLessThanOrEqual(1e-12);
  });

  it.each(exact.map((c) => [c.name, c] as const))('same distances; neighbours differ only in ties: %s', (_, c) => {
    const { model, queries } = fitCase(c);
    const state = model.toState().fitted as { trainX: Float64Array; nFeatures: number; labels: Int32Array };
    const reference = { data: state.trainX, nRows: state.labels.length, nFeatures: state.nFeatures };
    const k = (c.params.n_neighbors as number | undefined) ?? 5;
    const kind = (c.params.metric as DistanceKind | undefined) ?? 'euclidean';
    const metric: DistanceMetric = c.params.p === 3 ? { kind: 'minkowski', p: 3 } : { kind, p: 2 };
    // scikit-learn's trees sum the same terms in the same order as we do (bit-identical); its brute
    // search (breast cancer) expands ||x - y||^2 through a BLAS product, off by ~eps * ||x||^2,
    // which on the unscaled data (||x||^2 ~ 1e7) is ~1e-12 of the distance.
    const tolerance = c.sklearnAlgorithm === 'brute' ? 1e-10 : 0;
    // One neighbour beyond k, to see ties that straddle the k-th place.
    forEachNeighbourhood(reference, queries, k + 1, metric, (row, indices, distances) => {
      const expected = c.neighbourDistances[row];
      expected.forEach((distance, t) => {
        expect(Math.abs(distances[t] - distance)).toBeLessThanOrEqual(tolerance * distance);
      });
      // The trees order equal distances their own way (not by index), and may keep a different
      // member of a tie that straddles the k-th place; any other difference would be a real one.
      c.neighbourIndices[row].forEach((index, t) => {
        if (index !== indices[t]) expect(tiedWithNeighbour(distances, t)).toBe(true);
      });
    });
  });

  it('where scikit-learn ranks exact ties by rounding noise, agrees on every row without such a tie', () => {
    const c = fixture.cases.find((candidate) => candidate.name === BRUTE_TIE_CASE)!;
    const { model, split } = fitCase(c);
    const state = model.toState().fitted as { trainX: Float64Array; nFeatures: number; labels: Int32Array };
    const reference = { data: state.trainX, nRows: state.labels.length, nFeatures: state.nFeatures };
    const k = c.params.n_neighbors as number;
    const tiedRows = new Set<number>();
    // One neighbour more than k shows whether the k-th place is shared.
    forEachNeighbourhood(reference, split.XTest, k + 1, { kind: 'euclidean', p: 2 }, (row, indices, distances) => {
      // Equal in exact arithmetic shows up as equal to ~1e-16 in ours (and ~1e-14 in scikit-learn's).
      if (Math.abs(distances[k] - distances[k - 1]) <= 1e-12 * distances[k]) tiedRows.add(row);
      // Our rule: among equal distances, the lower training index comes first.
      for (let t = 1; t <= k; t++) {
        if (distances[t] === distances[t - 1]) expect(indices[t]).toBeGreaterThan(indices[t - 1]);
      }
    });
    const predictions = model.predict(split.XTest);
    const proba = model.predictProba(split.XTest);
    let compared = 0;
    c.predict.forEach((label, row) => {
      if (tiedRows.has(row)) return;
      compared++;
      expect(predictions[row]).toBe(label);
      c.proba[row].forEach((value, k) => expect(proba.data[k * proba.nRows + row]).toBe(value));
    });
    expect(compared).toBeGreaterThan(15);
  });
});

/** Whether position t shares its distance (to rounding) with the neighbour before or after it. */
function tiedWithNeighbour(distances: Float64Array, t: number): boolean {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(a, b);
  const before = t > 0 && close(distances[t], distances[t - 1]);
  return before || (t + 1 < distances.length && close(distances[t], distances[t + 1]));
}

describe('KnnClassifier as an estimator', () => {
  const iris = fixture.datasets.iris;
  const split = paritySplit(iris, 'standard');
  const yTrain = Int32Array.from(split.yTrain);

  it('is unfitted until fit, refits from scratch, and fit returns the model', () => {
    const model = create();
    expect(() => model.predict(split.XTest)).toThrow(NotFittedError);
    expect(() => model.toState()).toThrow(NotFittedError);
    expect(model.fit(takeRows(split.XTrain, [0, 1, 2, 3, 4, 5]), yTrain.subarray(0, 6), 3)).toBe(model);
    model.fit(split.XTrain, yTrain, 3);
    expect(model.predictProba(split.XTest)).toEqual(create().fit(split.XTrain, yTrain, 3).predictProba(split.XTest));
  });

  it('keeps its own copy of the training rows, which is the model, and round-trips it', () => {
    const X = takeRows(split.XTrain, Array.from({ length: split.XTrain.nRows }, (_, i) => i));
    const model = create({ weights: 'distance', n_neighbors: 7 }).fit(X, yTrain, 3);
    const before = model.predictProba(split.XTest);
    X.data.fill(0);
    expect(model.predictProba(split.XTest)).toEqual(before);
    const json = JSON.parse(JSON.stringify(encodeState(model.toState())));
    const restored = knnClassifierSpec.restore(decodeState(json)) as KnnClassifier;
    expect(restored.params).toEqual(model.params);
    expect(restored.predictProba(split.XTest)).toEqual(before);
    expect(restored.predict(split.XTest)).toEqual(model.predict(split.XTest));
  });

  it('predicts the same in batch, row by row, and across query blocks', () => {
    const model = create().fit(split.XTrain, yTrain, 3);
    const batch = model.predictProba(split.XTest);
    for (let i = 0; i < split.XTest.nRows; i++) {
      const single = model.predictProba(takeRows(split.XTest, [i]));
      for (let c = 0; c < 3; c++) expect(single.data[c]).toBe(batch.data[c * batch.nRows + i]);
    }
    // Enough reference rows that a block holds fewer query rows than there are.
    const many = createMatrix(20000, 1, Float64Array.from({ length: 20000 }, (_, i) => i));
    const labels = Int32Array.from({ length: 20000 }, (_, i) => (i < 10000 ? 0 : 1));
    const queries = createMatrix(300, 1, Float64Array.from({ length: 300 }, (_, i) => i * 66.5));
    const blocked = create({ n_neighbors: 3 }).fit(many, labels, 2).predict(queries);
    blocked.forEach((label, i) => expect(label).toBe(i * 66.5 < 10000 ? 0 : 1));
  });

  it('lets coincident training rows alone vote under distance weights', () => {
    const X = matrixFromRows([[0], [0], [1], [1.5], [2]]);
    const model = create({ n_neighbors: 4, weights: 'distance' }).fit(X, Int32Array.from([0, 1, 1, 1, 1]), 2);
    const proba = model.predictProba(matrixFromRows([[0], [0.9]]));
    expect([proba.data[0], proba.data[2]]).toEqual([0.5, 0.5]);
    expect(model.predict(matrixFromRows([[0]]))[0]).toBe(0);
    // Away from any training row, inverse distances: 1/0.9 for class 0, 1/0.9 + 1/0.1 + 1/0.6 for class 1.
    const towardsZero = 1 / 0.9 / (1 / 0.9 + 1 / 0.9 + 1 / 0.1 + 1 / 0.6);
    expect(proba.data[1]).toBeCloseTo(towardsZero, 15);
  });

  it('breaks vote ties towards the lower class index', () => {
    const model = create({ n_neighbors: 2 }).fit(matrixFromRows([[0], [1]]), Int32Array.from([1, 0]), 2);
    expect(model.predict(matrixFromRows([[0.5], [0]]))).toEqual(Int32Array.from([0, 0]));
  });

  it('needs at least n_neighbors training rows', () => {
    const fiveRows = takeRows(split.XTrain, [0, 1, 2, 3, 4]);
    expect(() => create({ n_neighbors: 6 }).fit(fiveRows, yTrain.subarray(0, 5), 3)).toThrow(
      /n_neighbors \(6\) is larger than the number of training rows \(5\)/,
    );
    expect(() => create().fit(matrixFromRows([[NaN]]), Int32Array.from([0]), 1)).toThrow(InvalidTrainingDataError);
    expect(() => create().fit(split.XTrain, yTrain, 3).predict(matrixFromRows([[1]]))).toThrow(RangeError);
  });

  it("validates hyperparameters with scikit-learn's constraints and declares its catalogue entry", () => {
    const resolve = (params: Record<string, unknown>) =>
      resolveHyperparameters('knn_classifier', knnClassifierSpec.hyperparameters, params);
    expect(resolve({})).toEqual({
      n_neighbors: 5,
      weights: 'uniform',
      algorithm: 'auto',
      leaf_size: 30,
      p: 2,
      metric: 'minkowski',
      n_jobs: null,
    });
    for (const ok of [{ p: 1.5 }, { p: 0.5 }, { weights: null }, { algorithm: 'kd_tree' }, { n_jobs: -1 }]) {
      expect(() => resolve(ok)).not.toThrow();
    }
    for (const bad of [{ n_neighbors: 0 }, { p: 0 }, { metric: 'cosine' }, { leaf_size: 0 }, { weights: 'gaussian' }]) {
      expect(() => resolve(bad)).toThrow(InvalidHyperparameterError);
    }
    expect(knnClassifierSpec).toMatchObject({
      modelType: 'knn_classifier',
      aliases: [],
      taskType: 'classification',
      family: 'neighbors',
      importanceMethod: null,
      needsScaling: true,
    });
    expect(create().fit(split.XTrain, yTrain, 3).featureImportance()).toBeNull();
  });
});
