import * as layout from './criterion.js';
import { sumByAccumulating, type FourCodes, type SplitCriterion } from './criterion.js';

const { COUNT, WEIGHT } = layout;

/** Sum vector: [count, weight, G_0, H_0, ..., G_{d-1}, H_{d-1}]: weighted gradient and hessian sums per output. */
const FIRST_DIM = 2;

/** The regularisation every second-order booster shares (XGBoost's names). */
export interface NewtonRegularisation {
  /** L2 penalty on leaf values (reg_lambda, l2_regularization, l2_leaf_reg). */
  lambda: number;
  /** L1 penalty on leaf values (reg_alpha). */
  alpha: number;
  /** Smallest hessian sum a child may hold (min_child_weight, min_sum_hessian_in_leaf). */
  minChildWeight: number;
}

/**
 * The second-order criterion of XGBoost, LightGBM and histogram gradient boosting: with G and H a
 * node's gradient and hessian sums, the best leaf value is -T(G) / (H + lambda) and its loss,
 * twice over, -T(G)^2 / (H + lambda), where T shrinks G towards 0 by alpha. A split's gain is the
 * loss it removes: score(left) + score(right) - score(node) with score = T(G)^2 / (H + lambda),
 * XGBoost's loss_chg, without the paper's factor 1/2, so gamma means what it means there.
 *
 * The impurity is that loss per unit of sample weight, so the weighted impurity decrease the
 * importance code adds up over a tree's splits is exactly the gain.
 *
 * With nDims > 1 a leaf holds one value per output (CatBoost's multiclass trees) and scores add up
 * over the outputs.
 */
export class NewtonCriterion implements SplitCriterion {
  readonly width: number;
  readonly nOutputs: number;
  readonly childSumsFromSplit = true;

  /**
   * gradients and hessians hold stride values per sample; this criterion reads nDims of them
   * starting at dimOffset: one class of a multiclass booster growing a tree per class, or all of them.
   */
  /**
   * Per sample, its weighted gradient and hessian for each output, side by side: the histogram
   * loop, which runs once per feature per node, then reads one contiguous pair per sample instead
   * of three strided arrays and two products. The sums come out bit for bit the same.
   */
  private readonly weightedPairs: Float64Array;

  constructor(
    gradients: Float32Array,
    hessians: Float32Array,
    private readonly weights: Float64Array,
    stride: number,
    dimOffset: number,
    nDims: number,
    private readonly regularisation: NewtonRegularisation,
  ) {
    this.width = FIRST_DIM + 2 * nDims;
    this.nOutputs = nDims;
    this.weightedPairs = new Float64Array(2 * nDims * weights.length);
    for (let sample = 0, pair = 0; sample < weights.length; sample++) {
      const w = weights[sample];
      for (let d = 0, at = sample * stride + dimOffset; d < nDims; d++, at++, pair += 2) {
        this.weightedPairs[pair] = w * gradients[at];
        this.weightedPairs[pair + 1] = w * hessians[at];
      }
    }
  }

  accumulate(
    codes: Uint8Array,
    indices: Uint32Array,
    start: number,
    end: number,
    hist: Float64Array,
    histOffset: number,
  ): void {
    if (this.nOutputs === 1) {
      this.accumulateOne(codes, indices, start, end, hist, histOffset);
      return;
    }
    const { weightedPairs, weights, width } = this;
    const pairsPerSample = width - FIRST_DIM;
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      const slot = histOffset + codes[sample] * width;
      hist[slot + COUNT] += 1;
      hist[slot + WEIGHT] += weights[sample];
      const from = sample * pairsPerSample;
      for (let k = 0; k < pairsPerSample; k++) hist[slot + FIRST_DIM + k] += weightedPairs[from + k];
    }
  }

  /** The loop every binary and regression booster runs: one gradient and one hessian per sample. */
  private accumulateOne(codes: Uint8Array, indices: Uint32Array, start: number, end: number, hist: Float64Array, histOffset: number): void {
    const { weightedPairs, weights } = this;
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      const slot = histOffset + codes[sample] * 4;
      hist[slot] += 1;
      hist[slot + 1] += weights[sample];
      hist[slot + 2] += weightedPairs[2 * sample];
      hist[slot + 3] += weightedPairs[2 * sample + 1];
    }
  }

  /** Only for one output: the loop of every binary and regression booster, which builds every feature of a node. */
  accumulateFour(
    codes: FourCodes,
    indices: Uint32Array,
    start: number,
    end: number,
    hist: Float64Array,
    histOffsets: Int32Array,
  ): void {
    if (this.nOutputs !== 1) {
      for (let j = 0; j < 4; j++) this.accumulate(codes[j], indices, start, end, hist, histOffsets[j]);
      return;
    }
    const { weightedPairs, weights } = this;
    const [c0, c1, c2, c3] = codes;
    const o0 = histOffsets[0];
    const o1 = histOffsets[1];
    const o2 = histOffsets[2];
    const o3 = histOffsets[3];
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      const w = weights[sample];
      const g = weightedPairs[2 * sample];
      const h = weightedPairs[2 * sample + 1];
      let slot = o0 + c0[sample] * 4;
      hist[slot] += 1;
      hist[slot + 1] += w;
      hist[slot + 2] += g;
      hist[slot + 3] += h;
      slot = o1 + c1[sample] * 4;
      hist[slot] += 1;
      hist[slot + 1] += w;
      hist[slot + 2] += g;
      hist[slot + 3] += h;
      slot = o2 + c2[sample] * 4;
      hist[slot] += 1;
      hist[slot + 1] += w;
      hist[slot + 2] += g;
      hist[slot + 3] += h;
      slot = o3 + c3[sample] * 4;
      hist[slot] += 1;
      hist[slot + 1] += w;
      hist[slot + 2] += g;
      hist[slot + 3] += h;
    }
  }

  sumSamples(indices: Uint32Array, start: number, end: number, out: Float64Array, offset: number): void {
    if (this.nOutputs !== 1) {
      sumByAccumulating(this, this.weights.length, indices, start, end, out, offset);
      return;
    }
    // accumulateOne into one bin, in registers: every split sums both children this way, which
    // through a one-bin histogram took a tenth of a booster's fit on large data.
    const { weightedPairs, weights } = this;
    let weight = 0;
    let g = 0;
    let h = 0;
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      weight += weights[sample];
      g += weightedPairs[2 * sample];
      h += weightedPairs[2 * sample + 1];
    }
    out[offset] = end - start;
    out[offset + 1] = weight;
    out[offset + 2] = g;
    out[offset + 3] = h;
  }

  impurity(sums: Float64Array, offset: number): number {
    const weight = sums[offset + WEIGHT];
    return weight > 0 ? -this.score(sums, offset) / weight : 0;
  }

  /** score(left) + score(right), or -Infinity when a child holds less hessian than min_child_weight. */
  proxyImprovement(left: Float64Array, leftOffset: number, right: Float64Array, rightOffset: number): number {
    if (this.nOutputs === 1) {
      const at = FIRST_DIM;
      return this.pairProxy(left[leftOffset + at], left[leftOffset + at + 1], right[rightOffset + at], right[rightOffset + at + 1]);
    }
    const { minChildWeight } = this.regularisation;
    if (this.hessian(left, leftOffset) < minChildWeight || this.hessian(right, rightOffset) < minChildWeight) {
      return -Infinity;
    }
    return this.score(left, leftOffset) + this.score(right, rightOffset);
  }

  /** proxyImprovement of one output from the children's gradient and hessian sums: the scan calls it for every bin boundary. */
  pairProxy(leftG: number, leftH: number, rightG: number, rightH: number): number {
    const { minChildWeight, lambda, alpha } = this.regularisation;
    if (leftH < minChildWeight || rightH < minChildWeight) return -Infinity;
    // Without an L1 penalty (the usual case) no shrinking: its sign tests on gradient sums of
    // random sign mispredict about half the time, and this runs for every bin boundary.
    const left = alpha === 0 ? leftG : shrink(leftG, alpha);
    const right = alpha === 0 ? rightG : shrink(rightG, alpha);
    const leftScore = leftH + lambda > 0 ? (left * left) / (leftH + lambda) : 0;
    const rightScore = rightH + lambda > 0 ? (right * right) / (rightH + lambda) : 0;
    return leftScore + rightScore;
  }

  improvement(
    _treeWeight: number,
    node: Float64Array,
    nodeOffset: number,
    _nodeImpurity: number,
    left: Float64Array,
    right: Float64Array,
  ): number {
    return this.score(left, 0) + this.score(right, 0) - this.score(node, nodeOffset);
  }

  isPure(): boolean {
    return false;
  }

  /** -T(G) / (H + lambda) per output; 0 where the hessian is below min_child_weight, as XGBoost's CalcWeight. */
  nodeValue(sums: Float64Array, offset: number, out: Float64Array, outOffset: number): void {
    const { lambda, alpha, minChildWeight } = this.regularisation;
    for (let d = 0; d < this.nOutputs; d++) {
      const g = sums[offset + FIRST_DIM + 2 * d];
      const h = sums[offset + FIRST_DIM + 2 * d + 1];
      out[outOffset + d] = h < minChildWeight || h + lambda <= 0 ? 0 : -shrink(g, alpha) / (h + lambda);
    }
  }

  private score(sums: Float64Array, offset: number): number {
    const { lambda, alpha } = this.regularisation;
    let total = 0;
    for (let d = 0; d < this.nOutputs; d++) {
      const g = shrink(sums[offset + FIRST_DIM + 2 * d], alpha);
      const h = sums[offset + FIRST_DIM + 2 * d + 1] + lambda;
      if (h > 0) total += (g * g) / h;
    }
    return total;
  }

  private hessian(sums: Float64Array, offset: number): number {
    let total = 0;
    for (let d = 0; d < this.nOutputs; d++) total += sums[offset + FIRST_DIM + 2 * d + 1];
    return total;
  }
}

/** XGBoost's ThresholdL1: G moved towards 0 by alpha, and 0 within alpha of it. */
function shrink(g: number, alpha: number): number {
  if (g > alpha) return g - alpha;
  if (g < -alpha) return g + alpha;
  return 0;
}
