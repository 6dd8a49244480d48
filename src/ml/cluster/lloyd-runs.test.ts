import { describe, expect, it } from 'vitest';
import { createMatrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { initialCentres } from './kmeans-init.js';
import { absoluteTolerance } from './lloyd.js';
import { lloydRuns, PARALLEL_MIN_RUN_WORK } from './lloyd-runs.js';

/** Four loose blobs in 10 dimensions, enough rows that 6 runs of 8 clusters cross the threading threshold. */
function blobs(nRows: number, nCols: number, seed: number) {
  const rng = new Random(seed);
  const X = createMatrix(nRows, nCols);
  for (let i = 0; i < nRows; i++) {
    const blob = i % 4;
    for (let f = 0; f < nCols; f++) X.data[f * nRows + i] = blob * (f % 3) + rng.normal();
  }
  return X;
}

describe('lloydRuns', () => {
  const X = blobs(22_000, 10, 4);
  const rng = new Random(11);
  const starts = Array.from({ length: 6 }, () => initialCentres(X, 8, 'k-means++', rng));
  const work = { X, starts, maxIter: 300, tol: absoluteTolerance(X, 1e-4) };

  it('runs on worker threads for this data: the work is past the threshold', () => {
    expect(X.nRows * X.nCols * 8 * starts.length).toBeGreaterThanOrEqual(PARALLEL_MIN_RUN_WORK);
  });

  it('gives on three threads exactly the runs one thread gives, in start order, reporting each', () => {
    const progress: number[] = [];
    const { runs: threaded, ranByWorkers } = lloydRuns(work, { onProgress: (fraction) => progress.push(fraction) }, 3);
    const { runs: alone, ranByWorkers: none } = lloydRuns(work, {}, 1);
    expect(ranByWorkers).toBeGreaterThan(0);
    expect(none).toBe(0);
    expect(threaded).toHaveLength(6);
    for (let run = 0; run < 6; run++) {
      expect(threaded[run].inertia).toBe(alone[run].inertia);
      expect(threaded[run].nIter).toBe(alone[run].nIter);
      expect(Array.from(threaded[run].labels)).toEqual(Array.from(alone[run].labels));
      expect(Array.from(threaded[run].centres.data)).toEqual(Array.from(alone[run].centres.data));
    }
    expect(progress).toEqual([1, 2, 3, 4, 5, 6].map((done) => done / 6));
  });
});
