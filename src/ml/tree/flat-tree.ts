import type { Matrix } from '../core/matrix.js';
import type { StateValue } from '../estimator/model-state.js';
import * as precision from './threshold.js';

// A module constant, not a live import, for the predict loop (see criterion.ts on loaders).
const { splitValue } = precision;

/** Child index marking a leaf, as in scikit-learn's tree_ (TREE_LEAF). */
export const LEAF = -1;

/**
 * A fitted tree as a struct of arrays, node 0 the root. Internal node i sends a row left when
 * `!(x > threshold[i])` for x = splitValue(row[feature[i]]): x <= threshold, or x is missing
 * (see bin-mapper.ts).
 */
export interface FlatTree {
  readonly nodeCount: number;
  /** Values per node in `value`: class probabilities or one mean. */
  readonly nOutputs: number;
  /** Split feature, LEAF at leaves. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** Children, LEAF at leaves. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** nodeCount x nOutputs, node-major: the node's prediction. */
  readonly value: Float64Array;
  readonly impurity: Float64Array;
  /** Total sample weight that reached the node during training (scikit-learn's weighted_n_node_samples). */
  readonly weight: Float64Array;
}

/**
 * Adds every row's leaf value into out, an nRows x nOutputs column-major block (the layout of
 * a Matrix), so a forest sums its trees by calling it once per tree.
 */
export function addTreeOutputs(tree: FlatTree, X: Matrix, out: Float64Array): void {
  const { data, nRows } = X;
  const { feature, threshold, left, right, value, nOutputs } = tree;
  for (let row = 0; row < nRows; row++) {
    let node = 0;
    while (left[node] !== LEAF) {
      node = splitValue(data[feature[node] * nRows + row]) > threshold[node] ? right[node] : left[node];
    }
    const at = node * nOutputs;
    for (let k = 0; k < nOutputs; k++) out[k * nRows + row] += value[at + k];
  }
}

export function treeToState(tree: FlatTree): StateValue {
  const { nOutputs, feature, threshold, left, right, value, impurity, weight } = tree;
  return { nOutputs, feature, threshold, left, right, value, impurity, weight };
}

/** Rebuilds a tree from treeToState output, checking the shape so a damaged file fails here, not in predict. */
export function treeFromState(state: StateValue, nFeatures: number): FlatTree {
  const s = state as Record<string, StateValue>;
  const tree = {
    nOutputs: s.nOutputs as number,
    feature: s.feature as Int32Array,
    threshold: s.threshold as Float64Array,
    left: s.left as Int32Array,
    right: s.right as Int32Array,
    value: s.value as Float64Array,
    impurity: s.impurity as Float64Array,
    weight: s.weight as Float64Array,
    nodeCount: (s.feature as Int32Array)?.length ?? 0,
  };
  checkTree(tree, nFeatures);
  return tree;
}

function checkTree(tree: FlatTree, nFeatures: number): void {
  const { nodeCount, nOutputs } = tree;
  const typed =
    tree.feature instanceof Int32Array &&
    tree.left instanceof Int32Array &&
    tree.right instanceof Int32Array &&
    tree.threshold instanceof Float64Array &&
    tree.value instanceof Float64Array &&
    tree.impurity instanceof Float64Array &&
    tree.weight instanceof Float64Array;
  const sized =
    typed &&
    nodeCount > 0 &&
    Number.isInteger(nOutputs) &&
    nOutputs > 0 &&
    [tree.left, tree.right, tree.threshold, tree.impurity, tree.weight].every((a) => a.length === nodeCount) &&
    tree.value.length === nodeCount * nOutputs;
  if (!sized) throw new Error('malformed tree in model state');
  for (let i = 0; i < nodeCount; i++) {
    const leaf = tree.left[i] === LEAF;
    // Children always come after their parent, which also rules out cycles.
    const linked = leaf
      ? tree.right[i] === LEAF
      : tree.left[i] > i && tree.left[i] < nodeCount && tree.right[i] > i && tree.right[i] < nodeCount;
    const split = leaf || (tree.feature[i] >= 0 && tree.feature[i] < nFeatures);
    if (!linked || !split) throw new Error(`malformed tree in model state at node ${i}`);
  }
}
