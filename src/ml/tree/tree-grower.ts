import type { Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { bootstrapCounts } from '../ensemble/bootstrap.js';
import type { BinnedFeatures } from './bin-mapper.js';
import { criterionFrom, type CriterionRecipe } from './criterion-recipe.js';
import type { FlatTree } from './flat-tree.js';
import { TreeLearner, type GrowthLimits } from './tree-learner.js';

/** What every tree of one fit shares: the limits and the bagging; each tree adds only its seed. */
export interface TreeSettings {
  limits: GrowthLimits;
  /** Rows drawn with replacement per tree (bagging); without it every row counts once. */
  bootstrapDraws?: number;
}

/**
 * Grows the trees of one fit, one seed each, on whichever thread holds it: the calling thread, or
 * a worker thread of a parallel forest. A tree depends only on its seed, so the same seeds give the
 * same forest however the trees are spread over threads. The learner and its buffers are reused.
 */
export class TreeGrower {
  private learner: TreeLearner | null = null;
  private readonly everyRowOnce: Float64Array;

  constructor(
    private readonly X: Matrix,
    private readonly binned: BinnedFeatures,
    private readonly recipe: CriterionRecipe,
    private readonly settings: TreeSettings,
  ) {
    this.everyRowOnce = new Float64Array(X.nRows).fill(1);
  }

  grow(seed: number): FlatTree {
    const rng = new Random(seed);
    const { bootstrapDraws, limits } = this.settings;
    const weights = bootstrapDraws === undefined ? this.everyRowOnce : bootstrapCounts(rng, this.X.nRows, bootstrapDraws);
    const criterion = criterionFrom(this.recipe, weights);
    this.learner ??= new TreeLearner(this.X, this.binned, criterion.width);
    return this.learner.grow(criterion, weights, limits, rng);
  }
}
