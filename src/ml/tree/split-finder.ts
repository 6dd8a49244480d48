import type { BinnedFeatures } from './bin-mapper.js';
import * as layout from './criterion.js';
import type { SplitCriterion } from './criterion.js';

const { COUNT, WEIGHT } = layout;

/** The best split seen so far in a node; one instance is reused for every node of every tree. */
export class BestSplit {
  feature = -1;
  /** Last bin that goes left: samples with code <= bin form the left child. */
  bin = -1;
  proxy = -Infinity;
  readonly leftSums: Float64Array;

  constructor(width: number) {
    this.leftSums = new Float64Array(width);
  }

  reset(): void {
    this.feature = -1;
    this.bin = -1;
    this.proxy = -Infinity;
  }

  get found(): boolean {
    return this.feature >= 0;
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

  constructor(
    private readonly binned: BinnedFeatures,
    private readonly criterion: SplitCriterion,
    private readonly limits: LeafLimits,
  ) {
    this.left = new Float64Array(criterion.width);
    this.right = new Float64Array(criterion.width);
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
          if (proxy > best.proxy) {
            best.feature = f;
            best.bin = previous;
            best.proxy = proxy;
            best.leftSums.set(left);
          }
        }
      }
      for (let k = 0; k < width; k++) left[k] += hist[at + k];
      previous = b;
    }
    return hasBoundary;
  }
}
