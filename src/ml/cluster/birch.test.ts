import { describe, expect, it } from 'vitest';
import { matrixFromRows, rowOf, takeRows } from '../core/matrix.js';
import { InvalidHyperparameterError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { Birch, birchSpec } from './birch.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';

interface Case {
  dataset: string;
  params: Record<string, unknown>;
  labels: number[];
  subclusterCenters: number[][];
  subclusterLabels: number[];
  warning: string | null;
}

const { birch } = readParityFixture<{ birch: Case[] }>('cluster-hierarchy.json');
const model = (params: Record<string, unknown>) => createFromSpec<Birch>(birchSpec, params);

describe("Birch gives scikit-learn's partition and subclusters", () => {
  it.each(birch.map((c) => [`${c.dataset} ${JSON.stringify(c.params)}`, c] as const))('%s', (_name, c) => {
    const fit = model(c.params).fit(clusterData(c.dataset));
    expect(adjustedRandScore(fit.labels, Int32Array.from(c.labels))).toBe(1);
    // The same leaf subclusters, centres equal to rounding. Their order can differ: a split sends the
    // farther half of the farthest pair left, and which of (a, b) and (b, a) is "the" maximum of
    // scikit-learn's not quite symmetric BLAS distance table is decided by its rounding.
    const ours = Array.from({ length: fit.subclusterCenters.nRows }, (_, s) => rowOf(fit.subclusterCenters, s));
    expect(ours).toHaveLength(c.subclusterCenters.length);
    const matched = ours.map((centre) => c.subclusterCenters.findIndex((other) => centre.every((v, f) => Math.abs(v - other[f]) <= 1e-9)));
    expect(matched).not.toContain(-1);
    expect(new Set(matched).size).toBe(ours.length);
    const theirLabels = Int32Array.from(matched, (m) => c.subclusterLabels[m]);
    expect(adjustedRandScore(fit.subclusterLabels, theirLabels)).toBe(1);
    expect(fit.warning).toBe(c.warning);
  });
});

describe('Birch contract', () => {
  it('predicts the training labels, row by row as in a batch', () => {
    const X = clusterData('wine_scaled');
    const fit = model({ threshold: 1.5 }).fit(X);
    expect(fit.predict(X)).toEqual(fit.labels);
    for (const row of [0, 77, 177]) expect(fit.predict(takeRows(X, [row]))[0]).toBe(fit.labels[row]);
    expect(() => fit.predict(matrixFromRows([[1, 2]]))).toThrow('X has 2 features, but birch was fitted on 13');
  });

  it('is NotFitted before fit, refits from scratch and round-trips through the state codec', () => {
    expect(() => model({}).predict(clusterData('iris'))).toThrow(NotFittedError);
    const fit = model({ threshold: 0.3 }).fit(clusterData('wine_scaled')).fit(clusterData('iris'));
    expect(fit.labels).toEqual(model({ threshold: 0.3 }).fit(clusterData('iris')).labels);
    const restored = roundTrip<Birch>(birchSpec, fit);
    expect(restored.predict(clusterData('iris'))).toEqual(fit.labels);
    expect(restored.labels).toEqual(fit.labels);
  });

  it("declares scikit-learn's defaults and constraints", () => {
    expect(resolveHyperparameters('birch', birchSpec.hyperparameters, {})).toEqual({ threshold: 0.5, branching_factor: 50, n_clusters: 3 });
    for (const bad of [{ threshold: 0 }, { branching_factor: 1 }, { n_clusters: 0 }]) {
      expect(() => resolveHyperparameters('birch', birchSpec.hyperparameters, bad)).toThrow(InvalidHyperparameterError);
    }
  });
});
