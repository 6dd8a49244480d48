import type { Dendrogram } from './dendrogram.js';
import { UnionFind } from './union-find.js';

/**
 * The single-linkage tree with node ids, as scikit-learn's make_single_linkage numbers it: leaves
 * are 0..n-1 and merge m creates node n + m from the current clusters of its two rows.
 */
export interface LinkageTree {
  nLeaves: number;
  left: Int32Array;
  right: Int32Array;
  distance: Float64Array;
  size: Int32Array;
}

export function linkageTree(tree: Dendrogram): LinkageTree {
  const n = tree.nLeaves;
  const sets = new UnionFind(2 * n - 1);
  const sizes = new Int32Array(2 * n - 1).fill(1);
  const left = new Int32Array(n - 1);
  const right = new Int32Array(n - 1);
  const size = new Int32Array(n - 1);
  for (let m = 0; m < n - 1; m++) {
    const a = sets.find(tree.left[m]);
    const b = sets.find(tree.right[m]);
    const node = n + m;
    left[m] = a;
    right[m] = b;
    size[m] = sizes[node] = sizes[a] + sizes[b];
    sets.mergeInto(a, b, node);
  }
  return { nLeaves: n, left, right, distance: tree.distance, size };
}

/**
 * The condensed tree (Campello, Moulavi and Sander 2013): walking down from the root, a split
 * into two parts of at least minClusterSize rows makes two new clusters; a smaller part just
 * falls out of its cluster, its rows leaving at lambda = 1 / distance. Rows are (parent, child,
 * lambda, childSize); clusters are numbered n, n+1, ... in breadth-first order, rows (childSize 1)
 * keep their index. The same rows in the same order as scikit-learn's _condense_tree.
 */
export interface CondensedTree {
  nLeaves: number;
  parent: Int32Array;
  child: Int32Array;
  lambda: Float64Array;
  childSize: Int32Array;
}

export function condenseTree(tree: LinkageTree, minClusterSize: number): CondensedTree {
  const n = tree.nLeaves;
  const root = 2 * n - 2;
  const sizeOf = (node: number): number => (node < n ? 1 : tree.size[node - n]);
  const relabel = new Int32Array(root + 1);
  relabel[root] = n;
  let nextLabel = n + 1;
  const ignore = new Uint8Array(root + 1);
  const parent: number[] = [];
  const child: number[] = [];
  const lambda: number[] = [];
  const childSize: number[] = [];
  const emit = (p: number, c: number, l: number, s: number): void => {
    parent.push(p);
    child.push(c);
    lambda.push(l);
    childSize.push(s);
  };
  const dropOut = (node: number, from: number, l: number): void => {
    for (const sub of breadthFirst(tree, from)) {
      if (sub < n) emit(relabel[node], sub, l, 1);
      ignore[sub] = 1;
    }
  };
  for (const node of breadthFirst(tree, root)) {
    if (ignore[node] || node < n) continue;
    const left = tree.left[node - n];
    const right = tree.right[node - n];
    const distance = tree.distance[node - n];
    const l = distance > 0 ? 1 / distance : Infinity;
    const leftBig = sizeOf(left) >= minClusterSize;
    const rightBig = sizeOf(right) >= minClusterSize;
    if (leftBig && rightBig) {
      relabel[left] = nextLabel++;
      emit(relabel[node], relabel[left], l, sizeOf(left));
      relabel[right] = nextLabel++;
      emit(relabel[node], relabel[right], l, sizeOf(right));
    } else if (!leftBig && !rightBig) {
      dropOut(node, left, l);
      dropOut(node, right, l);
    } else if (!leftBig) {
      relabel[right] = relabel[node];
      dropOut(node, left, l);
    } else {
      relabel[left] = relabel[node];
      dropOut(node, right, l);
    }
  }
  return {
    nLeaves: n,
    parent: Int32Array.from(parent),
    child: Int32Array.from(child),
    lambda: Float64Array.from(lambda),
    childSize: Int32Array.from(childSize),
  };
}

/** Nodes below `start` level by level, left child before right (scikit-learn's bfs_from_hierarchy). */
function breadthFirst(tree: LinkageTree, start: number): number[] {
  const n = tree.nLeaves;
  const result: number[] = [];
  let level = [start];
  while (level.length > 0) {
    for (const node of level) result.push(node);
    const next: number[] = [];
    for (const node of level) {
      if (node >= n) next.push(tree.left[node - n], tree.right[node - n]);
    }
    level = next;
  }
  return result;
}
