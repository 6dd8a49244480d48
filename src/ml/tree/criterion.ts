/** The code columns of four features, for SplitCriterion.accumulateFour. */
export type FourCodes = readonly [Uint8Array, Uint8Array, Uint8Array, Uint8Array];

/**
 * What a split criterion needs from a set of samples, as a fixed-width vector of sums:
 * [sample count, total weight, ...criterion sums]. Histogram bins and node totals share that
 * layout, so a left child is a running sum of bins and the right child is node minus left.
 * Implementations bind the target and the per-tree sample weights (bootstrap counts).
 */
export interface SplitCriterion {
  /** Floats per sum vector. */
  readonly width: number;
  /** Values stored per node: class probabilities, or one mean. */
  readonly nOutputs: number;
  /** Adds the samples indices[start..end) into the bins (given by codes) of a histogram at histOffset. */
  accumulate(
    codes: Uint8Array,
    indices: Uint32Array,
    start: number,
    end: number,
    hist: Float64Array,
    histOffset: number,
  ): void;
  /**
   * accumulate for four features at once (their codes, their histograms' offsets), reading each
   * sample's own values once for all four; same sums, bit for bit. Criteria whose per-sample reads
   * are cheap next to their histogram writes leave it out.
   */
  accumulateFour?(
    codes: FourCodes,
    indices: Uint32Array,
    start: number,
    end: number,
    hist: Float64Array,
    histOffsets: Int32Array,
  ): void;
  /**
   * Whether a split's children take their sums from its histograms (the left sums, and the node's
   * minus those) rather than from a pass over their samples: histogram boosters do (scikit-learn's
   * HistGradientBoosting, XGBoost, LightGBM); the CART criteria keep exact means and proportions.
   */
  readonly childSumsFromSplit?: boolean;
  /** Writes the sums of samples indices[start..end) to out[offset..offset+width). */
  sumSamples(indices: Uint32Array, start: number, end: number, out: Float64Array, offset: number): void;
  impurity(sums: Float64Array, offset: number): number;
  /**
   * A quantity that orders the splits of one node like the impurity decrease does, but cheaper;
   * scikit-learn's proxy_impurity_improvement, so near-ties resolve the same way.
   */
  proxyImprovement(left: Float64Array, leftOffset: number, right: Float64Array, rightOffset: number): number;
  /** Writes the node's prediction to out[offset..offset+nOutputs). */
  nodeValue(sums: Float64Array, offset: number, out: Float64Array, outOffset: number): void;
  /**
   * The split's improvement in the units its growth limits use: scikit-learn's impurity_improvement
   * for the CART criteria (compared with min_impurity_decrease), the loss reduction for a booster
   * (compared with gamma or min_split_gain). Best-first growth spends its leaf budget in this order.
   */
  improvement(
    treeWeight: number,
    node: Float64Array,
    nodeOffset: number,
    nodeImpurity: number,
    left: Float64Array,
    right: Float64Array,
  ): number;
  /** Whether a node is too pure to split: CART stops at impurity 0; a booster's impurity is a loss and never says so. */
  isPure(impurity: number): boolean;
}

/*
 * Loaders such as vite-node turn imported bindings into property getters, which cost a call per
 * read; modules that read these slots in per-sample or per-bin loops copy them into module
 * constants first (`const { COUNT, WEIGHT } = layout`).
 */

/** Slot of the sample count in a sum vector. */
export const COUNT = 0;
/** Slot of the total sample weight in a sum vector. */
export const WEIGHT = 1;

/** scikit-learn's EPSILON (double machine epsilon): a node this pure is a leaf, a gain this small is none. */
export const EPSILON = Number.EPSILON;

/**
 * scikit-learn's impurity_improvement: the weighted impurity decrease of a split, scaled by the
 * node's share of the tree's total weight. It is what min_impurity_decrease is compared against.
 */
export function impurityImprovement(
  treeWeight: number,
  nodeWeight: number,
  nodeImpurity: number,
  leftWeight: number,
  leftImpurity: number,
  rightImpurity: number,
): number {
  const rightWeight = nodeWeight - leftWeight;
  return (
    (nodeWeight / treeWeight) *
    (nodeImpurity - (rightWeight / nodeWeight) * rightImpurity - (leftWeight / nodeWeight) * leftImpurity)
  );
}

/** The improvement and purity rule every CART criterion shares (gini, entropy, squared error). */
export abstract class CartCriterion {
  abstract impurity(sums: Float64Array, offset: number): number;

  improvement(
    treeWeight: number,
    node: Float64Array,
    nodeOffset: number,
    nodeImpurity: number,
    left: Float64Array,
    right: Float64Array,
  ): number {
    return impurityImprovement(
      treeWeight,
      node[nodeOffset + WEIGHT],
      nodeImpurity,
      left[WEIGHT],
      this.impurity(left, 0),
      this.impurity(right, 0),
    );
  }

  isPure(impurity: number): boolean {
    return impurity <= EPSILON;
  }
}

let zeroCodes = new Uint8Array(0);

/**
 * SplitCriterion.sumSamples for any criterion: the samples accumulated into a one-bin histogram
 * (every code 0), so each criterion writes its per-sample sums once, in accumulate. nRows bounds
 * the sample indices.
 */
export function sumByAccumulating(
  criterion: SplitCriterion,
  nRows: number,
  indices: Uint32Array,
  start: number,
  end: number,
  out: Float64Array,
  offset: number,
): void {
  if (zeroCodes.length < nRows) zeroCodes = new Uint8Array(nRows);
  out.fill(0, offset, offset + criterion.width);
  criterion.accumulate(zeroCodes, indices, start, end, out, offset);
}
