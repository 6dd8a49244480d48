import type { Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { binFeatures, MAX_BINS } from '../tree/bin-mapper.js';
import type { SplitCriterion } from '../tree/criterion.js';
import type { FlatTree } from '../tree/flat-tree.js';
import { TreeLearner, UNLIMITED_GROWTH, type GrowthLimits } from '../tree/tree-learner.js';

/**
 * AdaBoost's weak learner: depth-limited CART trees grown one after the other on the same binned
 * features with changing sample weights, each from its own random stream (ties between features).
 */
export class WeakLearner {
  private readonly rng: Random;
  private readonly learner: TreeLearner;
  private readonly limits: GrowthLimits;

  constructor(X: Matrix, width: number, maxDepth: number, seed: number) {
    this.rng = new Random(seed);
    this.learner = new TreeLearner(X, binFeatures(X, MAX_BINS, new Random(this.rng.fork())), width);
    this.limits = { ...UNLIMITED_GROWTH, maxDepth };
  }

  grow(criterion: SplitCriterion, weights: Float64Array): FlatTree {
    return this.learner.grow(criterion, weights, this.limits, new Random(this.rng.fork()));
  }

  /** A stream for the ensemble's own draws (AdaBoost.R2's resampling). */
  fork(): Random {
    return new Random(this.rng.fork());
  }
}
