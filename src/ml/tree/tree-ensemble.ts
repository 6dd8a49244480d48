import { createMatrix, type Matrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import type { FitContext } from '../estimator/estimator.js';
import { binFeatures } from './bin-mapper.js';
import type { SplitCriterion } from './criterion.js';
import { addTreeOutputs, type FlatTree } from './flat-tree.js';
import { TreeLearner, type GrowthLimits } from './tree-learner.js';

/** How to grow the trees of one fit: a single tree is a plan with nTrees = 1 and no resampling. */
export interface GrowPlan {
  nTrees: number;
  seed: number;
  maxBins: number;
  limits: GrowthLimits;
  /** Per-tree sample weights such as bootstrap counts; without it every row counts once. */
  sampleWeights?: (rng: Random, nRows: number) => Float64Array;
}

/**
 * Bins X once, then grows every tree of the plan with one learner, each from its own forked
 * random stream so a tree does not depend on how many trees came before it. Reports progress
 * after each tree.
 */
export function growTrees(
  X: Matrix,
  criterionFor: (weights: Float64Array) => SplitCriterion,
  plan: GrowPlan,
  ctx?: FitContext,
): FlatTree[] {
  const rng = new Random(plan.seed);
  const binned = binFeatures(X, plan.maxBins, new Random(rng.fork()));
  const everyRowOnce = new Float64Array(X.nRows).fill(1);
  const trees: FlatTree[] = [];
  let learner: TreeLearner | null = null;
  for (let t = 0; t < plan.nTrees; t++) {
    const treeRng = new Random(rng.fork());
    const weights = plan.sampleWeights ? plan.sampleWeights(treeRng, X.nRows) : everyRowOnce;
    const criterion = criterionFor(weights);
    learner ??= new TreeLearner(X, binned, criterion.width);
    trees.push(learner.grow(criterion, weights, plan.limits, treeRng));
    ctx?.onProgress?.((t + 1) / plan.nTrees);
  }
  return trees;
}

/** The mean of the trees' outputs per row: nRows x nOutputs, summed then divided like scikit-learn. */
export function meanTreeOutputs(trees: readonly FlatTree[], X: Matrix): Matrix {
  const out = createMatrix(X.nRows, trees[0].nOutputs);
  for (const tree of trees) addTreeOutputs(tree, X, out.data);
  const n = trees.length;
  for (let i = 0; i < out.data.length; i++) out.data[i] /= n;
  return out;
}
