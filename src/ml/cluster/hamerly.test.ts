import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { randomRows } from './kmeans-init.js';
import { lloyd } from './lloyd.js';

/** Overlapping Gaussian blobs: many rows near cluster borders, where bounds are least useful. */
function blobs(nRows: number, nCols: number, nBlobs: number, seed: number): Matrix {
  const rng = new Random(seed);
  const X = createMatrix(nRows, nCols);
  for (let i = 0; i < nRows; i++) {
    const blob = rng.int(nBlobs);
    for (let f = 0; f < nCols; f++) X.data[f * nRows + i] = ((blob * (f + 3)) % 5) + rng.normal();
  }
  return X;
}

describe("Hamerly's bounded assignment", () => {
  it('follows exactly the iterations of the exhaustive reference', () => {
    for (const [nRows, nCols, nClusters, seed] of [
      [500, 2, 3, 1], [800, 5, 8, 2], [400, 12, 20, 3], [300, 3, 1, 4], [1000, 4, 50, 5],
    ]) {
      const X = blobs(nRows, nCols, 6, seed);
      const start = randomRows(X, nClusters, new Random(seed));
      const bounded = lloyd(X, start, 300, 0, 'bounded');
      const exhaustive = lloyd(X, start, 300, 0, 'exhaustive');
      expect(bounded.labels).toEqual(exhaustive.labels);
      expect(bounded.nIter).toBe(exhaustive.nIter);
      expect(bounded.centres.data).toEqual(exhaustive.centres.data);
      expect(bounded.inertia).toBe(exhaustive.inertia);
    }
  });

  it('agrees through empty-cluster relocation', () => {
    const X = blobs(200, 2, 3, 9);
    // Three centres far outside the data start empty and are relocated onto the farthest rows.
    const start = createMatrix(6, 2, Float64Array.of(0, 1, 2, 100, 200, 300, 0, 1, 2, 100, 200, 300));
    const bounded = lloyd(X, start, 300, 0, 'bounded');
    const exhaustive = lloyd(X, start, 300, 0, 'exhaustive');
    expect(new Set(bounded.labels).size).toBe(6);
    expect(bounded.labels).toEqual(exhaustive.labels);
    expect(bounded.centres.data).toEqual(exhaustive.centres.data);
  });
});
