import { UnionFind } from './union-find.js';

/**
 * A hierarchical clustering of n rows as its n - 1 merges in the order they happen (ascending
 * height): merge m joins the cluster holding row left[m] with the one holding row right[m].
 */
export interface Dendrogram {
  nLeaves: number;
  left: Int32Array;
  right: Int32Array;
  /** Height of each merge (the linkage distance), non-decreasing. */
  distance: Float64Array;
}

/**
 * Flat clusters from undoing the last nClusters - 1 merges, which is what scikit-learn's _hc_cut
 * does. Clusters are numbered by their lowest row (scikit-learn numbers them from the top of the
 * tree instead; the partition is the same).
 */
export function cutDendrogram(tree: Dendrogram, nClusters: number): Int32Array {
  const sets = new UnionFind(tree.nLeaves);
  for (let m = 0; m < tree.nLeaves - nClusters; m++) sets.union(tree.left[m], tree.right[m]);
  return numberByFirstRow(tree.nLeaves, (row) => sets.find(row));
}

/** scikit-learn's n_clusters_ for a distance_threshold: one more than the merges at or above it. */
export function clustersAboveThreshold(tree: Dendrogram, threshold: number): number {
  let above = 0;
  for (let m = 0; m < tree.distance.length; m++) if (tree.distance[m] >= threshold) above++;
  return above + 1;
}

/** Labels 0, 1, ... in order of each group's first row. */
export function numberByFirstRow(n: number, groupOf: (row: number) => number): Int32Array {
  const labels = new Int32Array(n);
  const numbers = new Map<number, number>();
  for (let row = 0; row < n; row++) {
    const group = groupOf(row);
    let label = numbers.get(group);
    if (label === undefined) {
      label = numbers.size;
      numbers.set(group, label);
    }
    labels[row] = label;
  }
  return labels;
}

/** Reorders merges by height with a stable sort, as scipy and scikit-learn do after building. */
export function sortedByHeight(nLeaves: number, left: Int32Array, right: Int32Array, distance: Float64Array): Dendrogram {
  const order = Int32Array.from({ length: left.length }, (_, i) => i).sort((a, b) => distance[a] - distance[b] || a - b);
  return {
    nLeaves,
    left: Int32Array.from(order, (m) => left[m]),
    right: Int32Array.from(order, (m) => right[m]),
    distance: Float64Array.from(order, (m) => distance[m]),
  };
}
