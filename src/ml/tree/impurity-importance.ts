import { LEAF, type FlatTree } from './flat-tree.js';

/**
 * scikit-learn's feature_importances_ for one tree: the weighted impurity decrease of every split,
 * summed per feature and normalised to 1; all zeros for a tree that never split.
 */
export function treeImportances(tree: FlatTree, nFeatures: number): Float64Array {
  const { left, right, feature, weight, impurity } = tree;
  const importances = new Float64Array(nFeatures);
  for (let node = 0; node < tree.nodeCount; node++) {
    if (left[node] === LEAF) continue;
    const l = left[node];
    const r = right[node];
    importances[feature[node]] +=
      weight[node] * impurity[node] - weight[l] * impurity[l] - weight[r] * impurity[r];
  }
  return normalised(importances);
}

/**
 * A forest's importances as scikit-learn computes them: the mean over the trees that split of
 * each tree's normalised importances, normalised again. Zeros (never NaN) when no tree split.
 */
export function meanImportances(trees: readonly FlatTree[], nFeatures: number): Float64Array {
  const mean = new Float64Array(nFeatures);
  for (const tree of trees) {
    if (tree.nodeCount <= 1) continue;
    const importances = treeImportances(tree, nFeatures);
    for (let f = 0; f < nFeatures; f++) mean[f] += importances[f];
  }
  return normalised(mean);
}

function normalised(values: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  if (total > 0) for (let i = 0; i < values.length; i++) values[i] /= total;
  else values.fill(0);
  return values;
}
