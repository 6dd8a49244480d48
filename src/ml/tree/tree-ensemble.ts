import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import type { FitContext } from '../estimator/estimator.js';
import { growTreesOnThreads } from '../parallel/tree-threads.js';
import { binFeatures } from './bin-mapper.js';
import type { CriterionRecipe } from './criterion-recipe.js';
import { addTreeOutputs, type FlatTree } from './flat-tree.js';
import type { TreeSettings } from './tree-grower.js';

/** How to grow the trees of one fit: a single tree is a plan with nTrees = 1 and no bagging. */
export interface GrowPlan extends TreeSettings {
  nTrees: number;
  seed: number;
  maxBins: number;
  /** Threads that may grow trees at once (n_jobs resolved); 1 keeps every tree on the calling thread. */
  nThreads: number;
}

/**
 * Below this many rows x trees a forest grows on the calling thread: starting worker threads costs
 * tens of milliseconds, more than the trees of a small data set take.
 */
export const PARALLEL_MIN_ROW_TREES = 500_000;

/**
 * Bins X once, then grows every tree of the plan, each from its own forked random stream so a
 * tree depends neither on how many trees came before it nor on which thread grew it. Reports
 * progress after each tree.
 */
export function growTrees(X: Matrix, recipe: CriterionRecipe, plan: GrowPlan, ctx?: FitContext): FlatTree[] {
  const rng = new Random(plan.seed);
  const binned = binFeatures(X, plan.maxBins, new Random(rng.fork()));
  const seeds = Array.from({ length: plan.nTrees }, () => rng.fork());
  const settings: TreeSettings = { limits: plan.limits, bootstrapDraws: plan.bootstrapDraws };
  const threads = X.nRows * plan.nTrees >= PARALLEL_MIN_ROW_TREES ? Math.min(plan.nThreads, plan.nTrees) : 1;
  return growTreesOnThreads({ X, binned, recipe, settings, seeds }, threads, ctx).trees;
}

/** The mean of the trees' outputs per row: nRows x nOutputs, summed then divided like scikit-learn. */
export function meanTreeOutputs(trees: readonly FlatTree[], X: Matrix): Matrix {
  const out = createMatrix(X.nRows, trees[0].nOutputs);
  for (const tree of trees) addTreeOutputs(tree, X, out.data);
  const n = trees.length;
  for (let i = 0; i < out.data.length; i++) out.data[i] /= n;
  return out;
}
