import * as layout from './criterion.js';
import type { SplitCriterion } from './criterion.js';

const { COUNT, WEIGHT } = layout;

/** Sum vector: [count, weight, sum of w*y, sum of w*y^2]. */
const SUM = 2;
const SQUARES = 3;

/** Squared error: the impurity is the weighted variance of y, the node value its weighted mean. */
export class SquaredErrorCriterion implements SplitCriterion {
  readonly width = 4;
  readonly nOutputs = 1;

  constructor(
    private readonly y: Float64Array,
    private readonly weights: Float64Array,
  ) {}

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
    out.fill(0, offset, offset + 4);
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      const w = this.weights[sample];
      const wy = w * this.y[sample];
      out[offset + COUNT] += 1;
      out[offset + WEIGHT] += w;
      out[offset + SUM] += wy;
      out[offset + SQUARES] += wy * this.y[sample];
    }
  }

  impurity(sums: Float64Array, offset: number): number {
    const mean = sums[offset + SUM] / sums[offset + WEIGHT];
    return sums[offset + SQUARES] / sums[offset + WEIGHT] - mean * mean;
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
