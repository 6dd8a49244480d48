import * as layout from './criterion.js';
import { CartCriterion, sumByAccumulating, type SplitCriterion } from './criterion.js';

const { COUNT, WEIGHT } = layout;

export type ClassImpurity = 'gini' | 'entropy';

/** Sum vector: [count, weight, weight of class 0, ..., weight of class K-1]. */
const FIRST_CLASS = 2;

/** Gini or entropy over weighted class counts; y holds class indices 0..nClasses-1. */
export class ClassificationCriterion extends CartCriterion implements SplitCriterion {
  readonly width: number;
  readonly nOutputs: number;
  private readonly impurityOf: (sums: Float64Array, offset: number, nClasses: number) => number;

  constructor(
    private readonly y: Int32Array,
    private readonly weights: Float64Array,
    private readonly nClasses: number,
    impurity: ClassImpurity,
  ) {
    super();
    this.width = FIRST_CLASS + nClasses;
    this.nOutputs = nClasses;
    this.impurityOf = impurity === 'gini' ? gini : entropy;
  }

  accumulate(
    codes: Uint8Array,
    indices: Uint32Array,
    start: number,
    end: number,
    hist: Float64Array,
    histOffset: number,
  ): void {
    const { y, weights, width } = this;
    for (let i = start; i < end; i++) {
      const sample = indices[i];
      const w = weights[sample];
      const at = histOffset + codes[sample] * width;
      hist[at + COUNT] += 1;
      hist[at + WEIGHT] += w;
      hist[at + FIRST_CLASS + y[sample]] += w;
    }
  }

  sumSamples(indices: Uint32Array, start: number, end: number, out: Float64Array, offset: number): void {
    sumByAccumulating(this, this.weights.length, indices, start, end, out, offset);
  }

  impurity(sums: Float64Array, offset: number): number {
    return this.impurityOf(sums, offset, this.nClasses);
  }

  proxyImprovement(left: Float64Array, leftOffset: number, right: Float64Array, rightOffset: number): number {
    return (
      -right[rightOffset + WEIGHT] * this.impurityOf(right, rightOffset, this.nClasses) -
      left[leftOffset + WEIGHT] * this.impurityOf(left, leftOffset, this.nClasses)
    );
  }

  nodeValue(sums: Float64Array, offset: number, out: Float64Array, outOffset: number): void {
    const total = sums[offset + WEIGHT];
    for (let k = 0; k < this.nClasses; k++) out[outOffset + k] = sums[offset + FIRST_CLASS + k] / total;
  }
}

function gini(sums: Float64Array, offset: number, nClasses: number): number {
  const total = sums[offset + WEIGHT];
  let squares = 0;
  for (let k = 0; k < nClasses; k++) {
    const c = sums[offset + FIRST_CLASS + k];
    squares += c * c;
  }
  return 1 - squares / (total * total);
}

/** In bits, like scikit-learn, so min_impurity_decrease means the same on both sides. */
function entropy(sums: Float64Array, offset: number, nClasses: number): number {
  const total = sums[offset + WEIGHT];
  let h = 0;
  for (let k = 0; k < nClasses; k++) {
    const c = sums[offset + FIRST_CLASS + k];
    if (c > 0) {
      const p = c / total;
      h -= p * Math.log2(p);
    }
  }
  return h;
}
