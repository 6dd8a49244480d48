import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { InvalidHyperparameterError, InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { around15 } from './optics-graph.js';
import { Optics, opticsSpec } from './optics.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';

interface Case {
  dataset: string;
  params: Record<string, unknown>;
  labels: number[];
  ordering: number[];
  reachability: Array<number | null>;
  coreDistances: Array<number | null>;
}

const { optics } = readParityFixture<{ optics: Case[] }>('cluster-density.json');
const model = (params: Record<string, unknown>) => createFromSpec<Optics>(opticsSpec, params);
const finite = (values: Array<number | null>) => values.map((v) => v ?? Infinity);

describe("OPTICS gives scikit-learn's ordering, reachability and partition", () => {
  it.each(optics.map((c) => [`${c.dataset} ${JSON.stringify(c.params)}`, c] as const))('%s', (_name, c) => {
    const X = clusterData(c.dataset);
    const fit = model(c.params).fit(X);
    // Up to 15 features scikit-learn finds core distances with a KD tree, summing squares in
    // feature order as we do; rounded to 15 decimals on both sides, every visiting decision is the
    // same. Past 15 features it switches to the dot-product expansion, whose rounding can reorder
    // rows whose reachabilities tie to 15 decimals: then only the partition must agree.
    if (X.nCols <= 15) {
      expect(Array.from(fit.ordering)).toEqual(c.ordering);
      // Square roots of the same sums, rounded to 15 decimals: equal but for an occasional last digit.
      finite(c.reachability).forEach((r, i) => expect(Math.abs(fit.reachability[i] - r) || 0).toBeLessThanOrEqual(1e-14 * Math.max(1, r)));
      finite(c.coreDistances).forEach((r, i) => expect(Math.abs(fit.coreDistances[i] - r) || 0).toBeLessThanOrEqual(1e-14 * Math.max(1, r)));
    }
    expect(adjustedRandScore(fit.labels, Int32Array.from(c.labels))).toBe(1);
    expect(Array.from(fit.labels).filter((l) => l === -1)).toHaveLength(c.labels.filter((l) => l === -1).length);
  });
});

describe('OPTICS by hand', () => {
  it('rounds like numpy.around(x, 15): halves to even', () => {
    expect(around15(0.1234567890123455)).toBe(0.123456789012346);
    expect(around15(Infinity)).toBe(Infinity);
    expect(around15(2.5e-15)).toBe(2e-15);
  });

  it('two tight groups far apart: two xi clusters, visited one group after the other', () => {
    const X = matrixFromRows([[0], [0.1], [0.2], [0.3], [10], [10.1], [10.2], [10.3]]);
    const fit = model({ min_samples: 2 }).fit(X);
    expect(Array.from(fit.ordering)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Row 4 is reached from row 3 at distance 9.7; inside a group every step is 0.1.
    expect(fit.reachability[4]).toBeCloseTo(9.7, 12);
    expect(fit.reachability[0]).toBe(Infinity);
    expect(Array.from(fit.labels)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });
});

describe('OPTICS contract', () => {
  it("rejects what scikit-learn rejects", () => {
    expect(() => model({ cluster_method: 'dbscan', eps: 3, max_eps: 2 })).toThrow('Specify an epsilon smaller than 2. Got 3.');
    expect(() => model({ min_samples: 200 }).fit(clusterData('iris'))).toThrow(InvalidTrainingDataError);
    expect(() => model({ min_samples: 200 }).fit(clusterData('iris'))).toThrow('min_samples must be no greater than the number of samples (150). Got 200');
    for (const bad of [{ min_samples: 0 }, { min_samples: 2.5 }, { xi: 1.5 }, { max_eps: -1 }, { cluster_method: 'hdbscan' }]) {
      expect(() => resolveHyperparameters('optics', opticsSpec.hyperparameters, bad)).toThrow(InvalidHyperparameterError);
    }
  });

  it('has no predict, is NotFitted before fit and round-trips through the state codec', () => {
    const fresh = model({});
    expect(() => fresh.labels).toThrow(NotFittedError);
    expect('predict' in fresh).toBe(false);
    const fit = model({}).fit(clusterData('iris'));
    const restored = roundTrip<Optics>(opticsSpec, fit);
    expect(restored.labels).toEqual(fit.labels);
    expect(restored.reachability).toEqual(fit.reachability);
  });
});
