import { MISSING_BIN, type BinnedFeatures } from './bin-mapper.js';
import * as layout from './criterion.js';
import type { SplitCriterion } from './criterion.js';
import { NewtonCriterion } from './newton-criterion.js';

const { COUNT, WEIGHT } = layout;

/** Floats per bin of a one-output booster's histogram: count, weight, G, H. */
const PAIR_WIDTH = 4;

/** The best split seen so far in a node; one instance is reused for every node of every tree. */
export class BestSplit {
  feature = -1;
  /** Last bin that goes left: samples with code <= bin form the left child. */
  bin = -1;
  proxy = -Infinity;
  /** The threshold a random split drew; NaN when the learner places it (see nodeThreshold). */
  threshold = NaN;
  readonly leftSums: Float64Array;

  constructor(width: number) {
    this.leftSums = new Float64Array(width);
  }

  reset(): void {
    this.feature = -1;
    this.bin = -1;
    this.proxy = -Infinity;
    this.threshold = NaN;
  }

  get found(): boolean {
    return this.feature >= 0;
  }

  update(feature: number, bin: number, proxy: number, leftSums: Float64Array, threshold: number): void {
    this.feature = feature;
    this.bin = bin;
    this.proxy = proxy;
    this.leftSums.set(leftSums);
    this.threshold = threshold;
  }
}

export interface LeafLimits {
  minSamplesLeaf: number;
  minWeightLeaf: number;
}

/**
 * Scans a feature's histogram left to right, trying every boundary between two non-empty bins
 * as scikit-learn's BestSplitter tries every boundary between two distinct sorted values. Ties
 * keep the earlier candidate (strict >), so within a feature the smallest threshold wins, as there.
 */
export class SplitScanner {
  private readonly left: Float64Array;
  private readonly right: Float64Array;
  /** Set for a one-output booster, whose scan runs on four scalars (see scanGradientPairs). */
  private readonly gradientPairs: NewtonCriterion | null;

  constructor(
    private readonly binned: BinnedFeatures,
    private readonly criterion: SplitCriterion,
    private readonly limits: LeafLimits,
  ) {
    this.left = new Float64Array(criterion.width);
    this.right = new Float64Array(criterion.width);
    this.gradientPairs = criterion instanceof NewtonCriterion && criterion.nOutputs === 1 ? criterion : null;
  }

  /**
   * Updates best with feature f's best split, given its histogram in hist over bins [low, high]
   * and the node's sums at nodeSums[nodeOffset]. Returns false when every sample sits in one bin:
   * the feature is constant in this node, which the feature sampler needs to know.
   */
  scan(
    hist: Float64Array,
    f: number,
    low: number,
    high: number,
    nodeSums: Float64Array,
    nodeOffset: number,
    best: BestSplit,
  ): boolean {
    if (this.gradientPairs) return this.scanGradientPairs(this.gradientPairs, hist, f, low, high, nodeSums, nodeOffset, best);
    const { criterion, left, right } = this;
    const { minSamplesLeaf, minWeightLeaf } = this.limits;
    const width = criterion.width;
    const base = this.binned.binStart[f] * width;
    const nodeCount = nodeSums[nodeOffset + COUNT];
    const nodeWeight = nodeSums[nodeOffset + WEIGHT];
    left.fill(0);
    let previous = -1;
    let hasBoundary = false;
    for (let b = low; b <= high; b++) {
      const at = base + b * width;
      if (hist[at + COUNT] === 0) continue;
      if (previous >= 0) {
        hasBoundary = true;
        const leftCount = left[COUNT];
        // Moving the boundary right only shrinks the right child: no later candidate can pass.
        if (nodeCount - leftCount < minSamplesLeaf) return true;
        const leftWeight = left[WEIGHT];
        if (leftCount >= minSamplesLeaf && leftWeight >= minWeightLeaf && nodeWeight - leftWeight >= minWeightLeaf) {
          for (let k = 0; k < width; k++) right[k] = nodeSums[nodeOffset + k] - left[k];
          const proxy = criterion.proxyImprovement(left, 0, right, 0);
          if (proxy > best.proxy) best.update(f, previous, proxy, left, NaN);
        }
      }
      for (let k = 0; k < width; k++) left[k] += hist[at + k];
      previous = b;
    }
    return hasBoundary;
  }

  /**
   * scan for sums [count, weight, G, H]: the same walk and the same arithmetic in the same order,
   * so the same split bit for bit, on running scalars instead of loops over the sum vectors. Every
   * binary or regression booster spends a fifth of its time here.
   */
  private scanGradientPairs(
    newton: NewtonCriterion,
    hist: Float64Array,
    f: number,
    low: number,
    high: number,
    nodeSums: Float64Array,
    nodeOffset: number,
    best: BestSplit,
  ): boolean {
    const { minSamplesLeaf, minWeightLeaf } = this.limits;
    const base = this.binned.binStart[f] * PAIR_WIDTH;
    const nodeCount = nodeSums[nodeOffset];
    const nodeWeight = nodeSums[nodeOffset + 1];
    const nodeG = nodeSums[nodeOffset + 2];
    const nodeH = nodeSums[nodeOffset + 3];
    let count = 0;
    let weight = 0;
    let g = 0;
    let h = 0;
    let previous = -1;
    let hasBoundary = false;
    // The best boundary so far stays in locals; best is written once, if this feature beats it
    // (the gain often rises bin after bin, which would copy the sums into best at every one).
    let bestProxy = best.proxy;
    let bestBin = -1;
    let bestCount = 0;
    let bestWeight = 0;
    let bestG = 0;
    let bestH = 0;
    for (let b = low; b <= high; b++) {
      const at = base + b * PAIR_WIDTH;
      if (hist[at] === 0) continue;
      if (previous >= 0) {
        hasBoundary = true;
        if (nodeCount - count < minSamplesLeaf) break;
        if (count >= minSamplesLeaf && weight >= minWeightLeaf && nodeWeight - weight >= minWeightLeaf) {
          const proxy = newton.pairProxy(g, h, nodeG - g, nodeH - h);
          if (proxy > bestProxy) {
            bestProxy = proxy;
            bestBin = previous;
            bestCount = count;
            bestWeight = weight;
            bestG = g;
            bestH = h;
          }
        }
      }
      count += hist[at];
      weight += hist[at + 1];
      g += hist[at + 2];
      h += hist[at + 3];
      previous = b;
    }
    if (bestBin >= 0) best.update(f, bestBin, bestProxy, this.pairSums(bestCount, bestWeight, bestG, bestH), NaN);
    return hasBoundary;
  }

  private pairSums(count: number, weight: number, g: number, h: number): Float64Array {
    const { left } = this;
    left[0] = count;
    left[1] = weight;
    left[2] = g;
    left[3] = h;
    return left;
  }

  /**
   * Extra trees' split of feature f, as scikit-learn's RandomSplitter makes it: one threshold drawn
   * uniformly between the node's smallest and largest value (draw in [0, 1)), kept in best if it
   * beats it. Bins that straddle the threshold (quantile bins only) go to the side holding most of
   * their range. Returns false when the feature has one value in the node.
   */
  scanRandom(
    hist: Float64Array,
    f: number,
    low: number,
    high: number,
    nodeSums: Float64Array,
    nodeOffset: number,
    best: BestSplit,
    draw: number,
  ): boolean {
    const firstValueBin = Math.max(low, MISSING_BIN + 1);
    if (firstValueBin >= high) return false;
    const binMin = this.binned.binMin[f];
    const binMax = this.binned.binMax[f];
    const min = binMin[firstValueBin];
    const max = binMax[high];
    let threshold = min + draw * (max - min);
    // scikit-learn's own rule for a draw rounded up to the maximum, which would leave the right side empty.
    if (threshold === max) threshold = min;
    let lastLeft = firstValueBin;
    // Empty bins (NaN ranges) hold no sample: they may go either way, so they never stop the walk.
    while (lastLeft + 1 < high && !((binMin[lastLeft + 1] + binMax[lastLeft + 1]) / 2 > threshold)) lastLeft++;

    const { criterion, left, right } = this;
    const width = criterion.width;
    const base = this.binned.binStart[f] * width;
    left.fill(0);
    for (let b = low; b <= lastLeft; b++) {
      for (let k = 0; k < width; k++) left[k] += hist[base + b * width + k];
    }
    const { minSamplesLeaf, minWeightLeaf } = this.limits;
    const leftWeight = left[WEIGHT];
    const nodeWeight = nodeSums[nodeOffset + WEIGHT];
    if (left[COUNT] < minSamplesLeaf || nodeSums[nodeOffset + COUNT] - left[COUNT] < minSamplesLeaf) return true;
    if (leftWeight < minWeightLeaf || nodeWeight - leftWeight < minWeightLeaf) return true;
    for (let k = 0; k < width; k++) right[k] = nodeSums[nodeOffset + k] - left[k];
    const proxy = criterion.proxyImprovement(left, 0, right, 0);
    if (proxy > best.proxy) best.update(f, lastLeft, proxy, left, threshold);
    return true;
  }
}
