import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMatrix, matrixFromRows, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { calinskiHarabaszScore, clusteringReport, daviesBouldinScore } from './clustering.js';
import { silhouetteSamples, silhouetteScore } from './silhouette.js';

interface ClusteringCase {
  name: string;
  dataset: string;
  labels: number[];
  noisePoints: number;
  expected: { silhouette_score: number | null; davies_bouldin_score: number | null; calinski_harabasz_score: number | null };
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/metrics.json', import.meta.url), 'utf8'),
) as { clusteringData: Record<string, number[][]>; clustering: ClusteringCase[] };

/**
 * Not bit-exact: scikit-learn computes distances as ||a||^2 - 2ab + ||b||^2 (we sum squared
 * differences), so identical rows come out at sqrt(rounding error) there and 0 here, and its sums
 * are pairwise. Measured differences are below 1e-12 relative.
 */
const RELATIVE_TOLERANCE = 1e-9;

describe('clusteringReport matches scikit-learn 1.2.1', () => {
  for (const c of fixture.clustering) {
    it(c.name, () => {
      const report = clusteringReport(matrixFromRows(fixture.clusteringData[c.dataset]), Int32Array.from(c.labels));
      for (const name of ['silhouette_score', 'davies_bouldin_score', 'calinski_harabasz_score'] as const) {
        const expected = c.expected[name];
        if (expected === null) {
          expect(report.metrics[name]).toBeNull();
          expect(report.warnings[name]).toMatch(/defined only for 2 to n_samples - 1 clusters/);
        } else {
          const actual = report.metrics[name] as number;
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected)));
        }
      }
      if (c.noisePoints > 0) expect(report.warnings.noise).toBe(`${c.noisePoints} points labelled -1 (noise) left out of every metric`);
      else expect(report.warnings.noise).toBeUndefined();
    });
  }

  it('the single metrics throw where scikit-learn raises', () => {
    const X = matrixFromRows([[0], [1], [2]]);
    expect(() => silhouetteScore(X, Int32Array.of(0, 0, 0))).toThrow(RangeError);
    expect(() => daviesBouldinScore(X, Int32Array.of(0, 1, 2))).toThrow(/defined only for 2 to n_samples - 1/);
    expect(() => calinskiHarabaszScore(X, Int32Array.of(4, 4))).toThrow(/labels has 2 entries/);
  });

  it('all-noise labellings give null metrics, not an error', () => {
    const report = clusteringReport(matrixFromRows([[0], [1]]), Int32Array.of(-1, -1));
    expect(report.metrics.silhouette_score).toBeNull();
    expect(report.warnings.noise).toMatch(/^2 points/);
  });

  it('Davies-Bouldin is not 0 when centroids past the largest double make every distance NaN', () => {
    const X = matrixFromRows([[1e308], [1e308], [1e308], [1e308], [1.5e308], [1.5e308]]);
    // No NaN ratio beats the worst ratio's -Infinity start; the answers show it as null with the overflow reason.
    expect(daviesBouldinScore(X, Int32Array.of(0, 1, 0, 1, 0, 1))).toBe(-Infinity);
  });
});

/** Naive reference for one row's silhouette: plain loops over every other row. */
function naiveSilhouette(X: Matrix, labels: Int32Array, row: number): number {
  const sums = new Map<number, { total: number; count: number }>();
  for (let j = 0; j < X.nRows; j++) {
    let squared = 0;
    for (let f = 0; f < X.nCols; f++) squared += (X.data[f * X.nRows + row] - X.data[f * X.nRows + j]) ** 2;
    const entry = sums.get(labels[j]) ?? { total: 0, count: 0 };
    entry.total += Math.sqrt(squared);
    entry.count++;
    sums.set(labels[j], entry);
  }
  const own = sums.get(labels[row])!;
  if (own.count === 1) return 0;
  const a = own.total / (own.count - 1);
  let b = Infinity;
  for (const [label, { total, count }] of sums) if (label !== labels[row]) b = Math.min(b, total / count);
  return (b - a) / Math.max(a, b);
}

function randomClusters(nRows: number, nCols: number, nClusters: number, seed: number): { X: Matrix; labels: Int32Array } {
  const rng = new Random(seed);
  const X = createMatrix(nRows, nCols);
  const labels = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    labels[i] = rng.int(nClusters);
    for (let f = 0; f < nCols; f++) X.data[f * nRows + i] = labels[i] * 2 + rng.normal();
  }
  return { X, labels };
}

describe('blockwise silhouette', () => {
  it('equals the naive per-row definition whatever the block size', () => {
    const { X, labels } = randomClusters(300, 3, 4, 11);
    const naive = Array.from({ length: X.nRows }, (_, row) => naiveSilhouette(X, labels, row));
    for (const blockCells of [X.nRows, 7 * X.nRows, 64 * X.nRows, undefined]) {
      const samples = silhouetteSamples(X, labels, blockCells);
      // Same additions in the same order: only the sqrt/sum grouping may differ.
      samples.forEach((value, row) => expect(value).toBeCloseTo(naive[row], 13));
    }
  });

  it('stays exact beyond 10 000 rows (checked on sampled rows)', () => {
    const { X, labels } = randomClusters(12_000, 2, 5, 3);
    const samples = silhouetteSamples(X, labels);
    for (const row of [0, 1, 4999, 8191, 11_999]) expect(samples[row]).toBeCloseTo(naiveSilhouette(X, labels, row), 12);
  });
});
