import * as layout from './criterion.js';
import { CartCriterion, sumByAccumulating, type SplitCriterion } from './criterion.js';
import { weightedVariance } from './regression-criterion.js';

const { COUNT, WEIGHT } = layout;

/** Sum vector: [count, weight, sum of w*r, sum of w*r^2, sum of w*h] for residuals r = -gradient. */
const SUM = 2;
const SQUARES = 3;
const HESSIAN = 4;

/**
 * scikit-learn's friedman_mse, the criterion of its GradientBoosting trees: splits are chosen on the
 * residuals r = -gradient by Friedman's improvement (the squared difference of the two means,
 * weighted by wl*wr/(wl+wr)), impurities are the residuals' variance (what feature_importances_
 * adds up), and a node's value is the Newton step sum(w*r) / sum(w*h), times leafScale: what
 * GradientBoosting writes into its leaves after growing (for squared error h = 1, so the mean residual).
 */
export class FriedmanCriterion extends CartCriterion implements SplitCriterion {
  readonly width = 5;
  readonly nOutputs = 1;

  /**
   * gradients and hessians hold stride values per sample, this tree's at dimOffset (one tree per
   * class and stage for multiclass). leafScale is (K-1)/K for K > 2 classes, as scikit-learn's
   * multinomial deviance scales its leaves.
   */
  constructor(
    private readonly gradients: Float32Array,
    private readonly hessians: Float32Array,
    private readonly weights: Float64Array,
    private readonly stride: number,
    private readonly dimOffset: number,
    private readonly leafScale: number,
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
    const { gradients, hessians, weights, stride, dimOffset } = this;
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      const w = weights[sample];
      const at = sample * stride + dimOffset;
      const r = -gradients[at];
      const slot = histOffset + codes[sample] * 5;
      hist[slot + COUNT] += 1;
      hist[slot + WEIGHT] += w;
      hist[slot + SUM] += w * r;
      hist[slot + SQUARES] += w * r * r;
      hist[slot + HESSIAN] += w * hessians[at];
    }
  }

  sumSamples(indices: Uint32Array, start: number, end: number, out: Float64Array, offset: number): void {
    sumByAccumulating(this, this.weights.length, indices, start, end, out, offset);
  }

  impurity(sums: Float64Array, offset: number): number {
    return weightedVariance(sums[offset + WEIGHT], sums[offset + SUM], sums[offset + SQUARES]);
  }

  /** scikit-learn's FriedmanMSE.proxy_impurity_improvement. */
  proxyImprovement(left: Float64Array, leftOffset: number, right: Float64Array, rightOffset: number): number {
    const wl = left[leftOffset + WEIGHT];
    const wr = right[rightOffset + WEIGHT];
    const diff = wr * left[leftOffset + SUM] - wl * right[rightOffset + SUM];
    return (diff * diff) / (wl * wr);
  }

  /** scikit-learn's FriedmanMSE.impurity_improvement, which min_impurity_decrease is compared with. */
  override improvement(
    treeWeight: number,
    _node: Float64Array,
    _nodeOffset: number,
    _nodeImpurity: number,
    left: Float64Array,
    right: Float64Array,
  ): number {
    const wl = left[WEIGHT];
    const wr = right[WEIGHT];
    const diff = wr * left[SUM] - wl * right[SUM];
    return (diff * diff) / (wl * wr * treeWeight);
  }

  nodeValue(sums: Float64Array, offset: number, out: Float64Array, outOffset: number): void {
    const hessian = sums[offset + HESSIAN];
    // scikit-learn's guard against a vanishing denominator (all probabilities saturated).
    out[outOffset] = Math.abs(hessian) < 1e-150 ? 0 : (this.leafScale * sums[offset + SUM]) / hessian;
  }
}
