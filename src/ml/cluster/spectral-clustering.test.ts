import type { Estimator } from '../estimator/estimator.js';
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../core/matrix.js';
import { InvalidTrainingDataError, NotFittedError } from '../estimator/errors.js';
import { adjustedRandScore } from '../metrics/rand-index.js';
import { reducedDistanceBlock } from '../kernels/distances.js';
import { EUCLIDEAN } from './assign.js';
import { SpectralClustering, spectralClusteringSpec } from './spectral-clustering.js';
import { spectralEmbedding } from './spectral-embedding.js';
import { clusterData, createFromSpec, roundTrip } from '../../../test/helpers/ml/cluster-fixtures.js';
import { readParityFixture } from '../../../test/helpers/ml/parity-fixture.js';

interface Case {
  dataset: string;
  nClusters: number;
  gamma: number;
  labels: number[];
  embedding: number[][];
}

const { spectral } = readParityFixture<{ spectral: Case[] }>('cluster-mixture.json');
const model = (params: Record<string, unknown>) => createFromSpec<SpectralClustering>(spectralClusteringSpec, params);

function rbf(name: string, gamma: number): Float64Array {
  const X = clusterData(name);
  const out = new Float64Array(X.nRows * X.nRows);
  reducedDistanceBlock(EUCLIDEAN, X.nCols, X.data, X.nRows, 0, X.nRows, X.data, X.nRows, out);
  return out.map((d) => Math.exp(-gamma * d));
}

describe('spectral clustering against scikit-learn', () => {
  it.each(spectral.map((c) => [`${c.dataset} k=${c.nClusters} gamma=${c.gamma}`, c] as const))('%s: the same embedding', (_name, c) => {
    const n = clusterData(c.dataset).nRows;
    const embedding = spectralEmbedding(rbf(c.dataset, c.gamma), n, c.nClusters);
    // ARPACK (shift-invert, tol 0) and our Lanczos both converge to residuals near machine
    // precision; what is left is eigenvector error of residual / eigengap and the rounding of the
    // affinities (scikit-learn's come from the dot-product expansion).
    c.embedding.forEach((component, k) => component.forEach((v, i) => expect(Math.abs(embedding.data[k * n + i] - v)).toBeLessThan(1e-7)));
  });

  it.each(spectral.map((c) => [`${c.dataset} k=${c.nClusters} gamma=${c.gamma}`, c] as const))('%s: ARI >= 0.95 for every seed', (_name, c) => {
    for (let seed = 0; seed < 3; seed++) {
      const fit = model({ n_clusters: c.nClusters, gamma: c.gamma, random_state: seed }).fit(clusterData(c.dataset));
      // The k-means step draws from another random stream, so labels may differ where k-means
      // itself is unstable; measured 1.0 on all four cases.
      expect(adjustedRandScore(fit.labels, Int32Array.from(c.labels))).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('spectral clustering contract', () => {
  it('separates two far groups with the nearest-neighbour affinity', () => {
    const X = matrixFromRows([[0], [0.1], [0.2], [0.3], [10], [10.1], [10.2], [10.3]]);
    const fit = model({ n_clusters: 2, affinity: 'nearest_neighbors', n_neighbors: 3, random_state: 0 }).fit(X);
    expect(adjustedRandScore(fit.labels, Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1))).toBe(1);
  });

  it('refuses past the pairwise limit and with too few rows', () => {
    expect(() => model({ n_clusters: 3 }).fit({ data: new Float64Array(6000), nRows: 6000, nCols: 1 })).toThrow(
      /accepts at most 5792 rows; got n_samples=6000/,
    );
    expect(() => model({ n_clusters: 3 }).fit(matrixFromRows([[0], [1]]))).toThrow(InvalidTrainingDataError);
  });

  it('has no predict, is NotFitted before fit and round-trips through the state codec', () => {
    const fresh = model({});
    expect(() => fresh.labels).toThrow(NotFittedError);
    expect('predict' in fresh).toBe(false);
    const fit = model({ n_clusters: 3, random_state: 0 }).fit(clusterData('iris'));
    const restored = roundTrip<Estimator>(spectralClusteringSpec, fit);
    expect(restored.task === 'clustering' && restored.labels).toEqual(fit.labels);
  });
});
