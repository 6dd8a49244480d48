import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { InvalidHyperparameterError, InvalidTrainingDataError } from '../estimator/errors.js';
import { approximateMode, splitSizes, trainTestSplit, type TrainTestIndices } from './split.js';

interface SplitFixture {
  sizes: { n: number; testSize: number; nTrain: number; nTest: number }[];
  sizeErrors: { n: number; testSize: number; sklearnError: string }[];
  stratified: { classCounts: number[]; testSize: number; outcomes: { train: number[]; test: number[] }[] }[];
  stratifiedErrors: { classCounts: number[]; testSize: number; sklearnError: string }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/metrics-split.json', import.meta.url), 'utf8'),
) as SplitFixture;

function labelsFor(classCounts: number[]): Int32Array {
  return Int32Array.from(classCounts.flatMap((count, c) => Array<number>(count).fill(c)));
}

function countsPerClass(rows: Uint32Array, labels: Int32Array, nClasses: number): number[] {
  const counts = new Array<number>(nClasses).fill(0);
  for (const row of rows) counts[labels[row]]++;
  return counts;
}

/** Both parts ascending, and together every row exactly once. */
function expectPartition(split: TrainTestIndices, nRows: number): void {
  const seen = new Uint8Array(nRows);
  let ascending = true;
  for (const part of [split.train, split.test]) {
    for (let k = 0; k < part.length; k++) {
      if (k > 0 && part[k] <= part[k - 1]) ascending = false;
      seen[part[k]]++;
    }
  }
  expect(ascending).toBe(true);
  expect(seen.every((count) => count === 1)).toBe(true);
}

describe('trainTestSplit sizes match scikit-learn', () => {
  for (const c of fixture.sizes) {
    it(`n=${c.n}, test_size=${c.testSize}`, () => {
      expect(splitSizes(c.n, c.testSize)).toEqual({ nTrain: c.nTrain, nTest: c.nTest });
      const split = trainTestSplit(c.n, c.testSize, 0);
      expect([split.train.length, split.test.length]).toEqual([c.nTrain, c.nTest]);
      expectPartition(split, c.n);
    });
  }

  for (const c of fixture.sizeErrors) {
    it(`n=${c.n}, test_size=${c.testSize} fails like scikit-learn (${c.sklearnError.slice(0, 40)}...)`, () => {
      expect(() => trainTestSplit(c.n, c.testSize, 0)).toThrow(InvalidTrainingDataError);
      expect(() => trainTestSplit(c.n, c.testSize, 0)).toThrow(/train set would be empty \(n_train=0/);
    });
  }

  it('takes an integer test_size as a row count and rejects other values', () => {
    expect(splitSizes(10, 3)).toEqual({ nTrain: 7, nTest: 3 });
    for (const bad of [0, 1.5, -0.2, 10, Number.NaN]) {
      expect(() => splitSizes(10, bad)).toThrow(InvalidHyperparameterError);
    }
  });
});

describe('stratified trainTestSplit class counts match scikit-learn', () => {
  for (const c of fixture.stratified) {
    it(`classes ${c.classCounts.join('/')}, test_size=${c.testSize}`, () => {
      const labels = labelsFor(c.classCounts);
      const allowed = new Set(c.outcomes.map((o) => JSON.stringify([o.train, o.test])));
      const seen = new Set<string>();
      // scikit-learn breaks ties between equal remainders at random; the fixture lists every outcome it produced.
      for (let seed = 0; seed < 30; seed++) {
        const split = trainTestSplit(labels.length, c.testSize, seed, labels);
        expectPartition(split, labels.length);
        const outcome = JSON.stringify([
          countsPerClass(split.train, labels, c.classCounts.length),
          countsPerClass(split.test, labels, c.classCounts.length),
        ]);
        expect(allowed.has(outcome), outcome).toBe(true);
        seen.add(outcome);
      }
      if (allowed.size > 1) expect(seen.size).toBeGreaterThan(1);
    });
  }

  for (const c of fixture.stratifiedErrors) {
    it(`classes ${c.classCounts.join('/')}, test_size=${c.testSize} fails like scikit-learn`, () => {
      const labels = labelsFor(c.classCounts);
      expect(() => trainTestSplit(labels.length, c.testSize, 0, labels)).toThrow(InvalidTrainingDataError);
    });
  }

  it('names the class and the sizes in its errors', () => {
    expect(() => trainTestSplit(10, 0.3, 0, labelsFor([5, 1, 4]))).toThrow('class 1 has only 1 member');
    expect(() => trainTestSplit(30, 0.05, 0, labelsFor([10, 10, 10]))).toThrow(/n_train=28 and n_test=2/);
  });

  it('stratifies by arbitrary label values', () => {
    const labels = Int32Array.of(7, -3, 7, -3, 7, -3, 7, 7);
    const split = trainTestSplit(labels.length, 0.25, 1, labels);
    expect(split.test.length).toBe(2);
    expect(new Set(Array.from(split.test, (row) => labels[row]))).toEqual(new Set([7, -3]));
  });
});

describe('trainTestSplit randomness', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const labels = labelsFor([40, 60]);
    expect(trainTestSplit(100, 0.2, 5, labels)).toEqual(trainTestSplit(100, 0.2, 5, labels));
    expect(trainTestSplit(100, 0.2, 5)).toEqual(trainTestSplit(100, 0.2, 5));
    expect(trainTestSplit(100, 0.2, 5).test).not.toEqual(trainTestSplit(100, 0.2, 6).test);
  });

  it('approximateMode hands leftover rows to the largest remainders', () => {
    // Shares 2.4, 3.6, 6.0 of 12 draws: the 0.6 remainder gets the one leftover row.
    expect(Array.from(approximateMode(Float64Array.of(4, 6, 10), 12, new Random(0)))).toEqual([2, 4, 6]);
  });
});
