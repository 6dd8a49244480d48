import { describe, expect, it } from 'vitest';
import { matrixFromRows, takeRows } from '../core/matrix.js';
import { InvalidHyperparameterError, InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { AgglomerativeClustering, agglomerativeClusteringSpec } from './agglomerative.js';
import { cutDendrogram } from './dendrogram.js';
import { primSingleLinkage } from './single-linkage.js';
import { nnChain } from './nn-chain.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';

interface Case {
  dataset: string;
  params: Record<string, unknown>;
  labels: number[];
  distances: number[] | null;
  nClusters?: number;
}

const { agglomerative } = readParityFixture<{ agglomerative: Case[] }>('cluster-hierarchy.json');

const model = (params: Record<string, unknown>) => createFromSpec<AgglomerativeClustering>(agglomerativeClusteringSpec, params);

describe("agglomerative clustering gives scikit-learn's partition", () => {
  it.each(agglomerative.map((c) => [`${c.dataset} ${JSON.stringify(c.params)}`, c] as const))('%s', (_name, c) => {
    const fit = model({ ...c.params, compute_distances: c.distances !== null }).fit(clusterData(c.dataset));
    expect(adjustedRandScore(fit.labels, Int32Array.from(c.labels))).toBe(1);
    if (c.nClusters !== undefined) expect(fit.nClusters).toBe(c.nClusters);
    if (c.distances !== null) {
      // The same merges in the same order from the same Lance-Williams arithmetic: heights agree to rounding.
      const distances = fit.distances!;
      expect(distances).toHaveLength(c.distances.length);
      c.distances.forEach((d, m) => expect(Math.abs(distances[m] - d)).toBeLessThanOrEqual(1e-12 * Math.max(1, d)));
    }
  });
});

describe('linkage trees', () => {
  it('single linkage: a tie at the cut is resolved as scikit-learn does (later Prim edges are cut first)', () => {
    // Four points on a line, gaps 1, 1, 1: every edge ties; the edges are added 0-1, 1-2, 2-3 and
    // the last one added is the one undone for two clusters.
    const X = matrixFromRows([[0], [1], [2], [3]]);
    expect(Array.from(cutDendrogram(primSingleLinkage(X, { kind: 'euclidean', p: 2 }), 2))).toEqual([0, 0, 0, 1]);
  });

  it('ward heights by hand: two pairs at distance 2, pairs 10 apart', () => {
    const X = matrixFromRows([[0, 0], [2, 0], [10, 0], [12, 0]]);
    const tree = nnChain(X, { kind: 'euclidean', p: 2 }, 'ward');
    // Ward height of two singletons is their distance; of two pairs with centroids 10 apart it is
    // sqrt(2 * n1 * n2 / (n1 + n2)) * 10 = sqrt(2) * 10.
    expect(Array.from(tree.distance.subarray(0, 2))).toEqual([2, 2]);
    expect(tree.distance[2]).toBeCloseTo(Math.sqrt(2) * 10, 12);
    expect(Array.from(cutDendrogram(tree, 2))).toEqual([0, 0, 1, 1]);
  });

  it('n_clusters equal to n_samples puts every row alone; one cluster puts all together', () => {
    const X = takeRows(clusterData('iris'), [0, 50, 100, 120]);
    expect(Array.from(model({ n_clusters: 4 }).fit(X).labels)).toEqual([0, 1, 2, 3]);
    expect(Array.from(model({ n_clusters: 1, linkage: 'single' }).fit(X).labels)).toEqual([0, 0, 0, 0]);
  });
});

describe('AgglomerativeClustering contract', () => {
  it("rejects what scikit-learn's fit rejects", () => {
    expect(() => model({ n_clusters: null })).toThrow(InvalidHyperparameterError);
    expect(() => model({ n_clusters: 3, distance_threshold: 1 })).toThrow('Exactly one of n_clusters and distance_threshold');
    expect(() => model({ n_clusters: null, distance_threshold: 1, compute_full_tree: false })).toThrow(/compute_full_tree must be true/);
    expect(() => model({ metric: 'manhattan' })).toThrow('Ward can only work with euclidean distances');
    expect(() => model({ n_clusters: 5 }).fit(takeRows(clusterData('iris'), [0, 1, 2]))).toThrow(InvalidTrainingDataError);
  });

  it('refuses a pairwise table past the memory limit, naming the limit', () => {
    const big = { data: new Float64Array(9000), nRows: 9000, nCols: 1 };
    expect(() => model({ linkage: 'average' }).fit(big)).toThrow(/accepts at most 8192 rows; got n_samples=9000/);
  });

  it('single linkage needs no pairwise table', () => {
    const big = { data: Float64Array.from({ length: 8200 }, (_, i) => (i % 3) * 100 + i / 8200), nRows: 8200, nCols: 1 };
    expect(new Set(model({ linkage: 'single', n_clusters: 3 }).fit(big).labels).size).toBe(3);
  });

  it('is NotFitted before fit, has no predict, and round-trips through the state codec', () => {
    const fresh = model({});
    expect(() => fresh.labels).toThrow(NotFittedError);
    expect('predict' in fresh).toBe(false);
    const fit = model({ n_clusters: 3, linkage: 'average', compute_distances: true }).fit(clusterData('iris'));
    const restored = roundTrip<AgglomerativeClustering>(agglomerativeClusteringSpec, fit);
    expect(restored.labels).toEqual(fit.labels);
    expect(restored.distances).toEqual(fit.distances);
    expect(restored.nClusters).toBe(3);
  });
});
