import { Random } from '../core/random.js';
import { InvalidHyperparameterError, InvalidTrainingDataError } from '../estimator/errors.js';

/** Row indices of each part, ascending. */
export interface TrainTestIndices {
  train: Uint32Array;
  test: Uint32Array;
}

export interface SplitSizes {
  nTrain: number;
  nTest: number;
}

/**
 * Shuffled train/test split with scikit-learn's train_test_split sizing, optionally stratified
 * like its StratifiedShuffleSplit (the same per-class counts). The rows drawn differ from
 * scikit-learn's for the same seed: numpy's random stream cannot be reproduced, so only sizes and
 * class counts are comparable.
 */
export function trainTestSplit(nRows: number, testSize: number, seed: number, stratifyBy?: Int32Array): TrainTestIndices {
  const sizes = splitSizes(nRows, testSize);
  const rng = new Random(seed);
  if (stratifyBy === undefined) return shuffledSplit(nRows, sizes, rng);
  if (stratifyBy.length !== nRows) {
    throw new RangeError(`stratifyBy has ${stratifyBy.length} labels for ${nRows} rows`);
  }
  return stratifiedSplit(stratifyBy, sizes, rng);
}

/**
 * scikit-learn's sizing: a fraction in (0, 1) gives ceil(testSize * n) test rows, computed in
 * floating point as there (0.07 * 100 rounds up to 8); an integer >= 1 is a row count.
 * The train set takes the rest and must not be empty.
 */
export function splitSizes(nRows: number, testSize: number): SplitSizes {
  const isFraction = testSize > 0 && testSize < 1;
  const isCount = Number.isInteger(testSize) && testSize >= 1 && testSize < nRows;
  if (!isFraction && !isCount) {
    throw new InvalidHyperparameterError(
      'test_size',
      `test_size=${testSize} should be a fraction in (0, 1) or a row count from 1 to n_samples - 1 (n_samples=${nRows})`,
    );
  }
  const nTest = isFraction ? Math.ceil(testSize * nRows) : testSize;
  const nTrain = nRows - nTest;
  if (nTrain <= 0 || nTest <= 0) {
    const empty = nTrain <= 0 ? 'train' : 'test';
    throw new InvalidTrainingDataError(
      `With n_samples=${nRows} and test_size=${testSize} the ${empty} set would be empty ` +
        `(n_train=${nTrain}, n_test=${nTest}); use more rows or another test_size`,
    );
  }
  return { nTrain, nTest };
}

function shuffledSplit(nRows: number, { nTest }: SplitSizes, rng: Random): TrainTestIndices {
  const order = rng.shuffle(Uint32Array.from({ length: nRows }, (_, i) => i));
  return { test: order.slice(0, nTest).sort(), train: order.slice(nTest).sort() };
}

function stratifiedSplit(labels: Int32Array, { nTrain, nTest }: SplitSizes, rng: Random): TrainTestIndices {
  const groups = groupByClass(labels);
  const nClasses = groups.classes.length;
  const counts = new Float64Array(nClasses);
  for (let c = 0; c < nClasses; c++) {
    counts[c] = groups.starts[c + 1] - groups.starts[c];
    if (counts[c] < 2) {
      throw new InvalidTrainingDataError(
        `Cannot stratify: class ${groups.classes[c]} has only ${counts[c]} member; every class needs at least 2`,
      );
    }
  }
  for (const [part, size] of [['train', nTrain], ['test', nTest]] as const) {
    if (size < nClasses) {
      throw new InvalidTrainingDataError(
        `Cannot stratify ${nClasses} classes with n_train=${nTrain} and n_test=${nTest}: ` +
          `the ${part} set needs at least one row per class`,
      );
    }
  }
  const trainCounts = approximateMode(counts, nTrain, rng);
  const remaining = counts.map((count, c) => count - trainCounts[c]);
  const testCounts = approximateMode(remaining, nTest, rng);

  const train = new Uint32Array(nTrain);
  const test = new Uint32Array(nTest);
  let trainFilled = 0;
  let testFilled = 0;
  for (let c = 0; c < nClasses; c++) {
    const members = rng.shuffle(groups.rows.slice(groups.starts[c], groups.starts[c + 1]));
    train.set(members.subarray(0, trainCounts[c]), trainFilled);
    test.set(members.subarray(trainCounts[c], trainCounts[c] + testCounts[c]), testFilled);
    trainFilled += trainCounts[c];
    testFilled += testCounts[c];
  }
  return { train: train.sort(), test: test.sort() };
}

/**
 * scikit-learn's _approximate_mode: the most likely per-class counts of `nDraws` rows drawn
 * without replacement. Each class gets floor(its share); the rows left over go to the largest
 * fractional remainders, ties between equal remainders broken at random.
 */
export function approximateMode(classCounts: Float64Array, nDraws: number, rng: Random): Float64Array {
  let total = 0;
  for (const count of classCounts) total += count;
  const floored = new Float64Array(classCounts.length);
  const remainders = new Float64Array(classCounts.length);
  let needToAdd = nDraws;
  for (let c = 0; c < classCounts.length; c++) {
    const share = (classCounts[c] / total) * nDraws;
    floored[c] = Math.floor(share);
    remainders[c] = share - floored[c];
    needToAdd -= floored[c];
  }
  const levels = Array.from(new Set(remainders)).sort((a, b) => b - a);
  for (const level of levels) {
    if (needToAdd <= 0) break;
    const tied = Uint32Array.from(remainders.keys()).filter((c) => remainders[c] === level);
    const addNow = Math.min(tied.length, needToAdd);
    // A random subset of the tied classes: the first addNow positions of a partial shuffle.
    for (let k = 0; k < addNow; k++) {
      const pick = k + rng.int(tied.length - k);
      [tied[k], tied[pick]] = [tied[pick], tied[k]];
      floored[tied[k]]++;
    }
    needToAdd -= addNow;
  }
  return floored;
}

interface ClassGroups {
  /** Distinct labels, ascending. */
  classes: Int32Array;
  /** Row indices grouped by class, ascending within each class. */
  rows: Uint32Array;
  /** Class c owns rows[starts[c] .. starts[c + 1]). */
  starts: Uint32Array;
}

function groupByClass(labels: Int32Array): ClassGroups {
  const rows = Uint32Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => labels[a] - labels[b] || a - b);
  const classes: number[] = [];
  const starts: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (k === 0 || labels[rows[k]] !== labels[rows[k - 1]]) {
      classes.push(labels[rows[k]]);
      starts.push(k);
    }
  }
  starts.push(rows.length);
  return { classes: Int32Array.from(classes), rows, starts: Uint32Array.from(starts) };
}
