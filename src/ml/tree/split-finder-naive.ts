import type { Matrix } from '../core/matrix.js';
import { WEIGHT, type SplitCriterion } from './criterion.js';
import type { LeafLimits } from './split-finder.js';
import { midpointThreshold, splitValue } from './threshold.js';

export interface NaiveSplit {
  threshold: number;
  proxy: number;
}

/**
 * Reference for the histogram SplitScanner, straight from the CART definition: sort the node's
 * samples by raw value and, at every boundary between two distinct values, recompute both
 * children's sums from scratch. O(n^2) per feature, for tests only. Missing values sort first.
 */
export function naiveBestSplit(
  X: Matrix,
  samples: Uint32Array,
  feature: number,
  criterion: SplitCriterion,
  limits: LeafLimits,
): NaiveSplit {
  const n = samples.length;
  const key = (sample: number): number => {
    const v = splitValue(X.data[feature * X.nRows + sample]);
    return Number.isNaN(v) ? -Infinity : v;
  };
  const sorted = Uint32Array.from(samples).sort((a, b) => key(a) - key(b));
  const left = new Float64Array(criterion.width);
  const right = new Float64Array(criterion.width);
  const best: NaiveSplit = { threshold: NaN, proxy: -Infinity };
  for (let p = 1; p < n; p++) {
    const a = key(sorted[p - 1]);
    const b = key(sorted[p]);
    if (!(b > a) || p < limits.minSamplesLeaf || n - p < limits.minSamplesLeaf) continue;
    criterion.sumSamples(sorted, 0, p, left, 0);
    criterion.sumSamples(sorted, p, n, right, 0);
    if (left[WEIGHT] < limits.minWeightLeaf || right[WEIGHT] < limits.minWeightLeaf) continue;
    const proxy = criterion.proxyImprovement(left, 0, right, 0);
    if (proxy > best.proxy) {
      best.threshold = midpointThreshold(a, b);
      best.proxy = proxy;
    }
  }
  return best;
}

/**
 * Reference for SplitScanner.scanRandom, from scikit-learn's RandomSplitter: the threshold is
 * drawn uniformly between the node's smallest and largest present value (the maximum itself
 * becoming the minimum), the left child holds the values at or below it and the missing ones, and
 * the split counts only if both children respect the leaf limits. O(n) per call, for tests only.
 */
export function naiveRandomSplit(
  X: Matrix,
  samples: Uint32Array,
  feature: number,
  criterion: SplitCriterion,
  limits: LeafLimits,
  draw: number,
): NaiveSplit {
  const value = (sample: number): number => splitValue(X.data[feature * X.nRows + sample]);
  const present = Array.from(samples)
    .filter((s) => !Number.isNaN(value(s)))
    .map((s) => X.data[feature * X.nRows + s]);
  const none: NaiveSplit = { threshold: NaN, proxy: -Infinity };
  const rawMin = Math.min(...present);
  const rawMax = Math.max(...present);
  if (!(splitValue(rawMax) > splitValue(rawMin))) return none;
  let threshold = rawMin + draw * (rawMax - rawMin);
  if (threshold === rawMax) threshold = rawMin;
  const goesLeft = (s: number) => !(value(s) > threshold);
  const leftSamples = Uint32Array.from(Array.from(samples).filter(goesLeft));
  const rightSamples = Uint32Array.from(Array.from(samples).filter((s) => !goesLeft(s)));
  if (leftSamples.length < limits.minSamplesLeaf || rightSamples.length < limits.minSamplesLeaf) return none;
  const left = new Float64Array(criterion.width);
  const right = new Float64Array(criterion.width);
  criterion.sumSamples(leftSamples, 0, leftSamples.length, left, 0);
  criterion.sumSamples(rightSamples, 0, rightSamples.length, right, 0);
  if (left[WEIGHT] < limits.minWeightLeaf || right[WEIGHT] < limits.minWeightLeaf) return none;
  return { threshold, proxy: criterion.proxyImprovement(left, 0, right, 0) };
}
