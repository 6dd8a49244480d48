import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { InvalidHyperparameterError, NotFittedError } from '../estimator/errors.js';
import { resolveHyperparameters } from '../estimator/hyperparameters.js';
import { clusteringReport } from '../metrics/clustering.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { Dbscan, dbscanSpec } from './dbscan.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';

interface Case {
  dataset: string;
  params: Record<string, unknown>;
  labels: number[];
  coreSampleIndices: number[];
}

const { dbscan } = readParityFixture<{ dbscan: Case[] }>('cluster-density.json');
const model = (params: Record<string, unknown>) => createFromSpec<Dbscan>(dbscanSpec, params);

describe("DBSCAN gives scikit-learn's partition, noise and core points", () => {
  it.each(dbscan.map((c) => [`${c.dataset} ${JSON.stringify(c.params)}`, c] as const))('%s', (_name, c) => {
    const fit = model(c.params).fit(clusterData(c.dataset));
    // Noise is -1 on both sides, so ARI 1.0 also means the same noise points.
    expect(adjustedRandScore(fit.labels, Int32Array.from(c.labels))).toBe(1);
    expect(Array.from(fit.labels).filter((l) => l === -1)).toHaveLength(c.labels.filter((l) => l === -1).length);
    expect(Array.from(fit.coreSampleIndices)).toEqual(c.coreSampleIndices);
    // Clusters numbered by their first core point in row order, as scikit-learn numbers them.
    expect(Array.from(fit.labels)).toEqual(c.labels);
  });
});

describe('DBSCAN by hand', () => {
  // Two chains of 3 rows 1 apart, 10 apart from each other, and a lone row far away.
  const X = matrixFromRows([[0], [1], [2], [10], [11], [12], [50]]);

  it('a border point joins the first cluster that reaches it; isolated rows are noise', () => {
    expect(Array.from(model({ eps: 1, min_samples: 2 }).fit(X).labels)).toEqual([0, 0, 0, 1, 1, 1, -1]);
    // min_samples 3: only the middle rows are core; the ends are border points of their cluster.
    const fit = model({ eps: 1, min_samples: 3 }).fit(X);
    expect(Array.from(fit.labels)).toEqual([0, 0, 0, 1, 1, 1, -1]);
    expect(Array.from(fit.coreSampleIndices)).toEqual([1, 4]);
  });

  it('everything noise, or one cluster: the clustering metrics are null with the reason', () => {
    const allNoise = model({ eps: 0.5, min_samples: 2 }).fit(X);
    expect(new Set(allNoise.labels)).toEqual(new Set([-1]));
    const report = clusteringReport(X, allNoise.labels);
    expect(report.metrics.silhouette_score).toBeNull();
    expect(report.warnings.silhouette_score).toBe('0 clusters over 0 samples: defined only for 2 to n_samples - 1 clusters');
    const one = model({ eps: 100, min_samples: 1 }).fit(X);
    expect(clusteringReport(X, one.labels).warnings.davies_bouldin_score).toBe(
      '1 cluster over 7 samples: defined only for 2 to n_samples - 1 clusters',
    );
    const alone = model({ eps: 0.5, min_samples: 1 }).fit(X);
    expect(Array.from(alone.labels)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(clusteringReport(X, alone.labels).warnings.calinski_harabasz_score).toBe(
      '7 clusters over 7 samples: defined only for 2 to n_samples - 1 clusters',
    );
  });
});

describe('DBSCAN contract', () => {
  it('has no predict, is NotFitted before fit and round-trips through the state codec', () => {
    const fresh = model({});
    expect(() => fresh.labels).toThrow(NotFittedError);
    expect('predict' in fresh).toBe(false);
    const fit = model({ eps: 0.4 }).fit(clusterData('iris'));
    const restored = roundTrip<Dbscan>(dbscanSpec, fit);
    expect(restored.labels).toEqual(fit.labels);
    expect(restored.coreSampleIndices).toEqual(fit.coreSampleIndices);
  });

  it("declares scikit-learn's defaults and constraints", () => {
    expect(resolveHyperparameters('dbscan', dbscanSpec.hyperparameters, {})).toEqual({
      eps: 0.5, min_samples: 5, metric: 'euclidean', p: null, algorithm: 'auto', leaf_size: 30,
    });
    for (const bad of [{ eps: 0 }, { min_samples: 0 }, { metric: 'cosine' }, { p: 0.5 }, { algorithm: 'fast' }]) {
      expect(() => resolveHyperparameters('dbscan', dbscanSpec.hyperparameters, bad)).toThrow(InvalidHyperparameterError);
    }
  });
});
