import type { BinnedFeatures } from './bin-mapper.js';

/**
 * The value a tree sees for a feature: like scikit-learn, which casts X to float32 before it grows
 * or applies a tree. On gridded data a test value often lies exactly on the midpoint between two
 * training values (1.7 between 1.6 and 1.8), and which side it falls on depends on that precision;
 * matching it keeps such rows on scikit-learn's side. The cost is float32's ~7 significant digits.
 */
export const splitValue: (x: number) => number = Math.fround;

/**
 * The split threshold between two neighbouring values a < b, as scikit-learn's CART computes it:
 * the sum of halves (a + b could overflow to infinity), falling back to a when rounding lands the
 * midpoint on b or it is infinite, so that `x <= threshold` still separates a from b.
 */
export function midpointThreshold(a: number, b: number): number {
  const mid = a / 2 + b / 2;
  return mid === b || mid === Infinity || mid === -Infinity ? a : mid;
}

/**
 * Whether a preferred threshold (a bin edge, a drawn threshold) separates the two sides of a split
 * after bin lastLeftBin of the feature in any node, judged from the bins' value ranges over the
 * whole training set: then nodeThreshold would keep it, and its passes over the node's raw values
 * (a tenth of a booster's fit) can be skipped. False when unsure (no preferred threshold, an empty
 * bin next to the boundary); nodeThreshold then decides.
 */
export function separatesBins(binned: BinnedFeatures, feature: number, lastLeftBin: number, preferred: number): boolean {
  const leftMax = binned.binMax[feature][lastLeftBin];
  const rightMin = binned.binMin[feature][lastLeftBin + 1];
  return splitValue(leftMax) <= preferred && preferred < splitValue(rightMin);
}

/**
 * The threshold of a split already applied to indices[start..end) (left part first, up to mid):
 * the midpoint between the largest left and the smallest right value in this node, exactly where
 * scikit-learn's best splitter puts it, whatever the bins' widths. A preferred threshold (the one
 * extra trees drew, or an oblivious level's bin edge) is kept when it separates the two sides as
 * the partition did. Missing values (all on the left) are skipped; a left side holding only
 * missing values gives -Infinity.
 */
export function nodeThreshold(
  column: Float64Array,
  indices: Uint32Array,
  start: number,
  mid: number,
  end: number,
  preferred: number,
): number {
  let leftMax = -Infinity;
  for (let i = start; i < mid; i++) {
    const v = splitValue(column[indices[i]]);
    if (v > leftMax) leftMax = v;
  }
  let rightMin = Infinity;
  for (let i = mid; i < end; i++) {
    const v = splitValue(column[indices[i]]);
    if (v < rightMin) rightMin = v;
  }
  if (preferred >= leftMax && preferred < rightMin) return preferred;
  return midpointThreshold(leftMax, rightMin);
}
