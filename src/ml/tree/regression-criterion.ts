import * as layout from './criterion.js';
import { CartCriterion, sumByAccumulating, type SplitCriterion } from './criterion.js';

const { COUNT, WEIGHT } = layout;

/** Sum vector: [count, weight, sum of w*y, sum of w*y^2]. */
const SUM = 2;
const SQUARES = 3;

/** Squared error: the impurity is the weighted variance of y, the node value its weighted mean. */
export class SquaredErrorCriterion extends CartCriterion implements SplitCriterion {
  readonly width = 4;
  readonly nOutputs = 1;

  constructor(
    private readonly y: Float64Array,
    private readonly weights: Float64Array,
  ) {
    super();
  }

  accumulate(
    codes: Uint8Array,
    indices: Uint32Array,
    start: number,
    end: number,
    hist: Float64Array,
    histOffset: number,
  ): void {
    const { y, weights } = this;
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      const w = weights[sample];
      const wy = w * y[sample];
      const at = histOffset + codes[sample] * 4;
      hist[at + COUNT] += 1;
      hist[at + WEIGHT] += w;
      hist[at + SUM] += wy;
      hist[at + SQUARES] += wy * y[sample];
    }
  }

  sumSamples(indices: Uint32Array, start: number, end: number, out: Float64Array, offset: number): void {
    sumByAccumulating(this, this.weights.length, indices, start, end, out, offset);
  }

  impurity(sums: Float64Array, offset: number): number {
    return weightedVariance(sums[offset + WEIGHT], sums[offset + SUM], sums[offset + SQUARES]);
  }

  /** Sum^2 / weight per side: the only part of the variance decrease that changes between splits. */
  proxyImprovement(left: Float64Array, leftOffset: number, right: Float64Array, rightOffset: number): number {
    const sumLeft = left[leftOffset + SUM];
    const sumRight = right[rightOffset + SUM];
    return (sumLeft * sumLeft) / left[leftOffset + WEIGHT] + (sumRight * sumRight) / right[rightOffset + WEIGHT];
  }

  nodeValue(sums: Float64Array, offset: number, out: Float64Array, outOffset: number): void {
    out[outOffset] = sums[offset + SUM] / sums[offset + WEIGHT];
  }
}

/**
 * Relative size of the rounding left in E[y^2] - E[y]^2 when y is constant: a variance below this
 * share of E[y^2] is taken as 0. scikit-learn splits on that rounding (a constant target of 4.2
 * gets a root impurity of 3.6e-15 and a split with all the importance); a node of one value must
 * stay a leaf.
 */
const CANCELLATION = 1e-12;

/** The weighted variance from the sums of w, w*y and w*y^2; exactly 0 when it is rounding noise. */
export function weightedVariance(weight: number, sum: number, squares: number): number {
  const meanSquare = squares / weight;
  const mean = sum / weight;
  const variance = meanSquare - mean * mean;
  return variance <= CANCELLATION * meanSquare ? 0 : variance;
}
