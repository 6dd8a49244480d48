import { LEAF, type FlatTree } from './flat-tree.js';

/**
 * Adds each split's weighted impurity decrease, W*I - Wl*Il - Wr*Ir, to its feature, times scale.
 * Under a booster's criterion the impurity is a loss and the decrease is the split's gain.
 */
function addDecreases(tree: FlatTree, scale: number, out: Float64Array): void {
  const { left, right, feature, weight, impurity } = tree;
  for (let node = 0; node < tree.nodeCount; node++) {
    if (left[node] === LEAF) continue;
    const l = left[node];
    const r = right[node];
    out[feature[node]] += scale * (weight[node] * impurity[node] - weight[l] * impurity[l] - weight[r] * impurity[r]);
  }
}

/**
 * scikit-learn's feature_importances_ for one tree: the weighted impurity decrease of every split,
 * summed per feature and normalised to 1; all zeros for a tree that never split.
 */
export function treeImportances(tree: FlatTree, nFeatures: number): Float64Array {
  const importances = new Float64Array(nFeatures);
  addDecreases(tree, 1, importances);
  return normalised(importances);
}

/**
 * A forest's importances as scikit-learn computes them: the mean over the trees that split of
 * each tree's normalised importances, normalised again. Zeros (never NaN) when no tree split.
 */
export function meanImportances(trees: readonly FlatTree[], nFeatures: number): Float64Array {
  return weightedImportances(trees, null, nFeatures);
}

/**
 * The weighted mean of the trees' normalised importances (AdaBoost weighs each tree by its
 * estimator weight; null weighs them alike), normalised again; trees that never split are left out.
 */
export function weightedImportances(
  trees: readonly FlatTree[],
  treeWeights: ArrayLike<number> | null,
  nFeatures: number,
): Float64Array {
  const mean = new Float64Array(nFeatures);
  trees.forEach((tree, t) => {
    if (tree.nodeCount <= 1) return;
    const importances = treeImportances(tree, nFeatures);
    const w = treeWeights ? treeWeights[t] : 1;
    for (let f = 0; f < nFeatures; f++) mean[f] += w * importances[f];
  });
  return normalised(mean);
}

/**
 * scikit-learn GradientBoosting's feature_importances_: each tree's decreases divided by its root
 * weight (not normalised per tree), averaged over the trees that split, then normalised.
 */
export function gradientBoostingImportances(trees: readonly FlatTree[], nFeatures: number): Float64Array {
  const total = new Float64Array(nFeatures);
  for (const tree of trees) if (tree.nodeCount > 1) addDecreases(tree, 1 / tree.weight[0], total);
  return normalised(total);
}

/**
 * A booster's gain importance: the gain of every split on a feature, summed ('total_gain', as
 * LightGBM's importance_type='gain') or averaged per split ('gain', XGBoost's default), normalised.
 */
export function gainImportances(trees: readonly FlatTree[], nFeatures: number, perSplit: boolean): Float64Array {
  const gains = new Float64Array(nFeatures);
  const splits = new Float64Array(nFeatures);
  for (const tree of trees) {
    addDecreases(tree, 1, gains);
    for (let node = 0; node < tree.nodeCount; node++) if (tree.left[node] !== LEAF) splits[tree.feature[node]]++;
  }
  if (perSplit) for (let f = 0; f < nFeatures; f++) gains[f] = splits[f] > 0 ? gains[f] / splits[f] : 0;
  return normalised(gains);
}

/** Scaled to sum to 1; all zeros (never NaN) when nothing was gained. */
function normalised(values: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  if (total > 0) for (let i = 0; i < values.length; i++) values[i] /= total;
  else values.fill(0);
  return values;
}
