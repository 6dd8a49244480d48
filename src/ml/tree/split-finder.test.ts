import { describe, expect, it } from 'vitest';
import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { binFeatures, type BinnedFeatures } from './bin-mapper.js';
import { ClassificationCriterion } from './classification-criterion.js';
import { FriedmanCriterion } from './friedman-criterion.js';
import { NewtonCriterion } from './newton-criterion.js';
import { COUNT, type SplitCriterion } from './criterion.js';
import { HistogramPool } from './histogram-pool.js';
import { partitionByCode } from './partition.js';
import { SquaredErrorCriterion } from './regression-criterion.js';
import { BestSplit, SplitScanner, type LeafLimits } from './split-finder.js';
import { naiveBestSplit, naiveRandomSplit } from './split-finder-naive.js';
import { nodeThreshold } from './threshold.js';

const N_ROWS = 240;
const N_FEATURES = 5;

/** Features on grids of 4..~60 distinct values (exact bins), one with missing values; bootstrap-like weights. */
function randomProblem(seed: number) {
  const rng = new Random(seed);
  const X = createMatrix(N_ROWS, N_FEATURES);
  for (let f = 0; f < N_FEATURES; f++) {
    const levels = 4 + 14 * f;
    for (let r = 0; r < N_ROWS; r++) {
      X.data[f * N_ROWS + r] = f === 2 && rng.next() < 0.1 ? NaN : rng.int(levels) * 0.1 - 1;
    }
  }
  const labels = Int32Array.from({ length: N_ROWS }, (_, r) => (X.data[r] > 0 ? rng.int(2) : rng.int(3)));
  const target = Float64Array.from({ length: N_ROWS }, (_, r) => 3 * X.data[N_ROWS + r] + rng.normal());
  const weights = Float64Array.from({ length: N_ROWS }, () => rng.int(4));
  // Two outputs per row, as a two-class booster's gradients would be laid out.
  const gradients = Float32Array.from({ length: 2 * N_ROWS }, () => rng.normal());
  const hessians = Float32Array.from({ length: 2 * N_ROWS }, () => 0.05 + 0.2 * rng.next());
  return { X, labels, target, weights, gradients, hessians };
}

function criteria(problem: ReturnType<typeof randomProblem>): Record<string, SplitCriterion> {
  return {
    gini: new ClassificationCriterion(problem.labels, problem.weights, 3, 'gini'),
    entropy: new ClassificationCriterion(problem.labels, problem.weights, 3, 'entropy'),
    squared_error: new SquaredErrorCriterion(problem.target, problem.weights),
    friedman_mse: new FriedmanCriterion(problem.gradients, problem.hessians, problem.weights, 2, 1, 1),
    newton: new NewtonCriterion(problem.gradients, problem.hessians, problem.weights, 2, 0, 1, {
      lambda: 1,
      alpha: 0.3,
      minChildWeight: 2,
    }),
    newton_vector: new NewtonCriterion(problem.gradients, problem.hessians, problem.weights, 2, 0, 2, {
      lambda: 0.5,
      alpha: 0,
      minChildWeight: 0,
    }),
  };
}

/**
 * Checks the fast scanner on the node held by buffer against the naive finder on the same samples,
 * feature by feature. Proxies are compared with a relative 1e-12 because histogram sums (and the
 * subtraction trick) add the same numbers in another order; the thresholds must match exactly.
 */
function expectAgreement(
  X: Matrix,
  binned: BinnedFeatures,
  pool: HistogramPool,
  buffer: number,
  sibling: number,
  samples: Uint32Array,
  criterion: SplitCriterion,
  limits: LeafLimits,
): void {
  const scanner = new SplitScanner(binned, criterion, limits);
  const sums = new Float64Array(criterion.width);
  criterion.sumSamples(samples, 0, samples.length, sums, 0);
  for (let f = 0; f < N_FEATURES; f++) {
    pool.prepare(buffer, f, sibling);
    const best = new BestSplit(criterion.width);
    scanner.scan(pool.histogram(buffer), f, pool.low(buffer, f), pool.high(buffer, f), sums, 0, best);
    const naive = naiveBestSplit(X, samples, f, criterion, limits);
    expect(best.found).toBe(naive.proxy > -Infinity);
    if (!best.found) continue;
    expect(Math.abs(best.proxy - naive.proxy)).toBeLessThanOrEqual(1e-12 * Math.abs(naive.proxy));
    const column = X.data.subarray(f * N_ROWS, (f + 1) * N_ROWS);
    const order = samples.slice();
    const nLeft = partitionByCode(order, 0, order.length, binned.columns[f], best.bin, new Uint32Array(order.length));
    expect(nLeft).toBe(best.leftSums[COUNT]);
    expect(nodeThreshold(column, order, 0, nLeft, order.length, NaN)).toBe(naive.threshold);
  }
}

describe('histogram split finding agrees with the naive CART reference', () => {
  const limitCases: LeafLimits[] = [
    { minSamplesLeaf: 1, minWeightLeaf: 0 },
    { minSamplesLeaf: 9, minWeightLeaf: 0 },
    { minSamplesLeaf: 1, minWeightLeaf: 40 },
  ];
  for (const seed of [1, 2, 3]) {
    const problem = randomProblem(seed);
    const binned = binFeatures(problem.X, 255, new Random(seed));
    for (const [name, criterion] of Object.entries(criteria(problem))) {
      for (const limits of limitCases) {
        it(`${name}, seed ${seed}, min_samples_leaf ${limits.minSamplesLeaf}, min_weight_leaf ${limits.minWeightLeaf}`, () => {
          const samples = Uint32Array.from(
            Array.from({ length: N_ROWS }, (_, r) => r).filter((r) => problem.weights[r] > 0),
          );
          const n = samples.length;
          const pool = new HistogramPool(binned, criterion.width);
          pool.reset(criterion, samples);
          const root = pool.acquire(0, n);
          expectAgreement(problem.X, binned, pool, root, -1, samples.slice(), criterion, limits);

          // Split the root on feature 1, then check both children, the larger one by subtraction.
          const nLeft = partitionByCode(samples, 0, n, binned.columns[1], 3, new Uint32Array(n));
          const [largeStart, largeEnd, smallStart, smallEnd] =
            nLeft >= n - nLeft ? [0, nLeft, nLeft, n] : [nLeft, n, 0, nLeft];
          pool.handDown(root, largeStart, largeEnd);
          const small = pool.acquire(smallStart, smallEnd);
          expectAgreement(problem.X, binned, pool, root, small, samples.slice(largeStart, largeEnd), criterion, limits);
          expectAgreement(problem.X, binned, pool, small, -1, samples.slice(smallStart, smallEnd), criterion, limits);
        });
      }
    }
  }
});

describe('extra trees\' random split agrees with its naive reference', () => {
  for (const seed of [4, 5]) {
    const problem = randomProblem(seed);
    const binned = binFeatures(problem.X, 255, new Random(seed));
    for (const [name, criterion] of Object.entries(criteria(problem))) {
      it(`${name}, seed ${seed}: the drawn threshold, its partition and its proxy`, () => {
        const samples = Uint32Array.from(Array.from({ length: N_ROWS }, (_, r) => r).filter((r) => problem.weights[r] > 0));
        const limits = { minSamplesLeaf: 3, minWeightLeaf: 0 };
        const pool = new HistogramPool(binned, criterion.width);
        pool.reset(criterion, samples);
        const root = pool.acquire(0, samples.length);
        const scanner = new SplitScanner(binned, criterion, limits);
        const sums = new Float64Array(criterion.width);
        criterion.sumSamples(samples, 0, samples.length, sums, 0);
        const rng = new Random(seed);
        for (let f = 0; f < N_FEATURES; f++) {
          for (let trial = 0; trial < 5; trial++) {
            const draw = trial === 0 ? 0 : rng.next();
            pool.prepare(root, f, -1);
            const best = new BestSplit(criterion.width);
            scanner.scanRandom(pool.histogram(root), f, pool.low(root, f), pool.high(root, f), sums, 0, best, draw);
            const naive = naiveRandomSplit(problem.X, samples, f, criterion, limits, draw);
            expect(best.found).toBe(naive.proxy > -Infinity);
            if (!best.found) continue;
            expect(best.threshold).toBe(naive.threshold);
            expect(Math.abs(best.proxy - naive.proxy)).toBeLessThanOrEqual(1e-12 * Math.abs(naive.proxy));
          }
        }
      });
    }
  }
});
