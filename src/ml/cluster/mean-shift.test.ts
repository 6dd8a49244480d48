import { describe, expect, it } from 'vitest';
import { matrixFromRows, rowOf, takeRows } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { binSeeds, estimateBandwidth } from './bandwidth.js';
import { MeanShift, meanShiftSpec } from './mean-shift.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';

interface Case {
  dataset: string;
  params: Record<string, unknown>;
  labels: number[];
  clusterCenters: number[][];
}

const fixture = readParityFixture<{ meanShift: Case[]; estimatedBandwidth: Record<string, number> }>('cluster-density.json');
const model = (params: Record<string, unknown>) => createFromSpec<MeanShift>(meanShiftSpec, params);

describe("mean shift gives scikit-learn's modes and partition", () => {
  it.each(Object.entries(fixture.estimatedBandwidth))('estimate_bandwidth on %s', (dataset, expected) => {
    // The same k-th neighbour distances, summed in another order.
    expect(Math.abs(estimateBandwidth(clusterData(dataset)) - expected)).toBeLessThanOrEqual(1e-12 * expected);
  });

  it.each(fixture.meanShift.map((c) => [`${c.dataset} ${JSON.stringify(c.params)}`, c] as const))('%s', (_name, c) => {
    const fit = model(c.params).fit(clusterData(c.dataset));
    expect(adjustedRandScore(fit.labels, Int32Array.from(c.labels))).toBe(1);
    expect(fit.clusterCenters.nRows).toBe(c.clusterCenters.length);
    // Modes in scikit-learn's order (densest first); means of the same rows summed in another order.
    for (let m = 0; m < c.clusterCenters.length; m++) {
      rowOf(fit.clusterCenters, m).forEach((v, f) => expect(Math.abs(v - c.clusterCenters[m][f])).toBeLessThanOrEqual(1e-9));
    }
  });
});

describe('mean shift by hand', () => {
  it('bins rows to a grid, halves to even, and falls back to the rows when no cell is shared', () => {
    const X = matrixFromRows([[0.5], [1.5], [1.4], [2.6], [2.5]]);
    expect(binSeeds(X, 1, 1).map((s) => s[0])).toEqual([0, 2, 1, 3]);
    expect(binSeeds(X, 1, 2).map((s) => s[0])).toEqual([2]);
    expect(binSeeds(matrixFromRows([[0.5], [1.5]]), 1, 1).map((s) => s[0])).toEqual([0.5, 1.5]);
  });

  it('two groups give two modes at their means; equal densities list the larger coordinates first', () => {
    const fit = model({ bandwidth: 2 }).fit(matrixFromRows([[0], [1], [2], [10], [11], [12]]));
    expect(Array.from(fit.labels)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(Array.from(fit.clusterCenters.data)).toEqual([11, 1]);
  });
});

describe('mean shift contract', () => {
  it('predicts the nearest mode, row by row as in a batch', () => {
    const X = clusterData('iris');
    const fit = model({}).fit(X);
    expect(fit.predict(X)).toEqual(fit.labels);
    expect(fit.predict(takeRows(X, [120]))[0]).toBe(fit.labels[120]);
  });

  it('refuses when no row is within bandwidth of any seed', () => {
    const fit = () => model({ bandwidth: 0.1, bin_seeding: true, min_bin_freq: 1 }).fit(matrixFromRows([[0.04], [0.16]]));
    expect(fit).not.toThrow();
    expect(() => model({}).predict(matrixFromRows([[1]]))).toThrow(NotFittedError);
    expect(InvalidTrainingDataError).toBeDefined();
  });

  it('round-trips through the state codec', () => {
    const fit = model({ bandwidth: 0.6 }).fit(clusterData('iris'));
    const restored = roundTrip<MeanShift>(meanShiftSpec, fit);
    expect(restored.predict(clusterData('iris'))).toEqual(fit.predict(clusterData('iris')));
    expect(restored.bandwidth).toBe(0.6);
    expect(resolveHyperparameters('mean_shift', meanShiftSpec.hyperparameters, {})).toEqual({
      bandwidth: null, bin_seeding: false, min_bin_freq: 1, cluster_all: true, max_iter: 300,
    });
  });
});
