import { describe, expect, it } from 'vitest';
import { createMatrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { binFeatures } from './bin-mapper.js';
import { NewtonCriterion } from './newton-criterion.js';
import { HistogramPool } from './histogram-pool.js';
import { partitionByCode } from './partition.js';

const N_ROWS = 500;
const N_FEATURES = 7;

/** Features with few and many distinct values, some missing, so ranges and empty bins vary. */
function data() {
  const rng = new Random(4);
  const X = createMatrix(N_ROWS, N_FEATURES);
  for (let f = 0; f < N_FEATURES; f++) {
    for (let i = 0; i < N_ROWS; i++) {
      const v = f % 2 === 0 ? rng.normal() : rng.int(5 + 10 * f);
      X.data[f * N_ROWS + i] = rng.next() < 0.05 ? NaN : v;
    }
  }
  return X;
}

/** Each feature's histogram over its occupied bins, with the bins it reports. */
function histograms(pool: HistogramPool, id: number, binStart: Int32Array, width: number) {
  return Array.from({ length: N_FEATURES }, (_, f) => {
    const [low, high] = [pool.low(id, f), pool.high(id, f)];
    const from = (binStart[f] + low) * width;
    return { low, high, bins: Array.from(pool.histogram(id).subarray(from, (binStart[f] + high + 1) * width)) };
  });
}

describe('HistogramPool.prepareAll', () => {
  const X = data();
  const binned = binFeatures(X, 255, new Random(1));
  const rng = new Random(9);
  const weights = Float64Array.from({ length: N_ROWS }, () => 1 + rng.int(3));
  const order = Uint32Array.from([3, 0, 6, 1, 5, 2, 4]);

  for (const nDims of [1, 2]) {
    it(`gives the histograms feature-by-feature prepare gives, for a root and for children by subtraction (${nDims} output(s))`, () => {
      const gradients = Float32Array.from({ length: nDims * N_ROWS }, () => rng.normal());
      const hessians = Float32Array.from({ length: nDims * N_ROWS }, () => 0.1 + rng.next());
      const criterion = new NewtonCriterion(gradients, hessians, weights, nDims, 0, nDims, { lambda: 1, alpha: 0, minChildWeight: 0 });
      const width = criterion.width;
      const grown = (all: boolean) => {
        const indices = Uint32Array.from({ length: N_ROWS }, (_, i) => i);
        const pool = new HistogramPool(binned, width);
        pool.reset(criterion, indices);
        const prepare = (id: number, sibling: number) => {
          if (all) pool.prepareAll(id, order, N_FEATURES, sibling);
          else for (const f of order) pool.prepare(id, f, sibling);
        };
        const root = pool.acquire(0, N_ROWS);
        prepare(root, -1);
        const rootHistograms = histograms(pool, root, binned.binStart, width);
        // Split the root on feature 1 after its third code; the larger side inherits the root's buffer.
        const nLeft = partitionByCode(indices, 0, N_ROWS, binned.columns[1], 3, new Uint32Array(N_ROWS));
        const [smallStart, smallEnd, largeStart, largeEnd] =
          nLeft < N_ROWS - nLeft ? [0, nLeft, nLeft, N_ROWS] : [nLeft, N_ROWS, 0, nLeft];
        const small = pool.acquire(smallStart, smallEnd);
        pool.handDown(root, largeStart, largeEnd);
        prepare(root, small);
        prepare(small, -1);
        return [rootHistograms, histograms(pool, root, binned.binStart, width), histograms(pool, small, binned.binStart, width)];
      };
      expect(grown(true)).toEqual(grown(false));
    });
  }
});
