import type { CondensedTree } from './condensed-tree.js';

export interface SelectionOptions {
  method: 'eom' | 'leaf';
  allowSingleCluster: boolean;
  /** Clusters born below this distance merge upwards (0: off). */
  epsilon: number;
  /** EOM never keeps a cluster larger than this (null: no limit). */
  maxClusterSize: number | null;
}

/** The clusters of a condensed tree (rows with childSize > 1) as a tree of their own. */
class ClusterTree {
  readonly root: number;
  readonly parentOf = new Map<number, number>();
  readonly birthOf = new Map<number, number>();
  readonly sizeOf = new Map<number, number>();
  readonly childrenOf = new Map<number, number[]>();

  constructor(tree: CondensedTree) {
    this.root = tree.nLeaves;
    for (let row = 0; row < tree.child.length; row++) {
      if (tree.childSize[row] <= 1) continue;
      const child = tree.child[row];
      this.parentOf.set(child, tree.parent[row]);
      this.birthOf.set(child, tree.lambda[row]);
      this.sizeOf.set(child, tree.childSize[row]);
      const siblings = this.childrenOf.get(tree.parent[row]) ?? [];
      siblings.push(child);
      this.childrenOf.set(tree.parent[row], siblings);
    }
  }

  get isEmpty(): boolean {
    return this.parentOf.size === 0;
  }

  children(cluster: number): number[] {
    return this.childrenOf.get(cluster) ?? [];
  }

  /** The cluster and every cluster below it. */
  descendants(cluster: number): number[] {
    const out = [cluster];
    for (let i = 0; i < out.length; i++) out.push(...this.children(out[i]));
    return out;
  }

  /** Clusters without cluster children, depth first from the root. */
  leaves(): number[] {
    if (this.isEmpty) return [];
    const out: number[] = [];
    const visit = (cluster: number): void => {
      const children = this.children(cluster);
      if (children.length === 0) out.push(cluster);
      else children.forEach(visit);
    };
    visit(this.root);
    return out;
  }
}

/**
 * Stability of each cluster id (n ..): the sum over its rows of (lambda - lambda_birth) times the
 * rows' sizes (Campello et al. 2013), where a cluster is born at the lambda of the row that
 * created it and the root at 0.
 */
function stabilities(tree: CondensedTree, clusters: ClusterTree): Map<number, number> {
  const stability = new Map<number, number>();
  for (let row = 0; row < tree.parent.length; row++) {
    const parent = tree.parent[row];
    const birth = parent === clusters.root ? 0 : clusters.birthOf.get(parent)!;
    stability.set(parent, (stability.get(parent) ?? 0) + (tree.lambda[row] - birth) * tree.childSize[row]);
  }
  return stability;
}

/**
 * Flat clusters from a condensed tree, as scikit-learn 1.3's HDBSCAN selects them: excess of
 * mass (a cluster is kept unless its children are together more stable, or it is too large) or
 * the leaves, optionally merged upwards to cluster_selection_epsilon; then every row takes the
 * label of its nearest selected ancestor, or -1 (noise). Labels number the selected clusters in
 * the order of their ids.
 */
export function selectClusters(tree: CondensedTree, options: SelectionOptions): Int32Array {
  const clusters = new ClusterTree(tree);
  const selected = options.method === 'eom' ? excessOfMass(tree, clusters, options) : leafSelection(clusters, options);
  return labelRows(tree, clusters, selected, options);
}

function excessOfMass(tree: CondensedTree, clusters: ClusterTree, options: SelectionOptions): Set<number> {
  const stability = stabilities(tree, clusters);
  const ids = [...stability.keys()].sort((a, b) => b - a);
  // Bottom-up: children have larger ids than their parents.
  const candidates = options.allowSingleCluster ? ids : ids.filter((id) => id !== clusters.root);
  const isCluster = new Map(candidates.map((id) => [id, true]));
  const sizes = new Map(clusters.sizeOf);
  if (options.allowSingleCluster) sizes.set(clusters.root, clusters.children(clusters.root).reduce((t, c) => t + clusters.sizeOf.get(c)!, 0));
  const maxSize = options.maxClusterSize ?? tree.nLeaves + 1;
  for (const node of candidates) {
    const childStability = clusters.children(node).reduce((total, child) => total + stability.get(child)!, 0);
    if (childStability > stability.get(node)! || sizes.get(node)! > maxSize) {
      isCluster.set(node, false);
      stability.set(node, childStability);
    } else {
      for (const below of clusters.descendants(node)) if (below !== node) isCluster.set(below, false);
    }
  }
  let selected = new Set([...isCluster].filter(([, kept]) => kept).map(([id]) => id));
  if (options.epsilon !== 0 && !clusters.isEmpty) {
    const onlyRoot = selected.size === 1 && selected.has(clusters.root);
    selected = onlyRoot ? (options.allowSingleCluster ? selected : new Set()) : epsilonSearch([...selected].sort((a, b) => a - b), clusters, options);
  }
  return selected;
}

function leafSelection(clusters: ClusterTree, options: SelectionOptions): Set<number> {
  const leaves = clusters.leaves();
  return options.epsilon !== 0 ? epsilonSearch(leaves, clusters, options) : new Set(leaves);
}

/** Replaces clusters born at a distance below epsilon by their nearest ancestor born above it. */
function epsilonSearch(candidates: number[], clusters: ClusterTree, options: SelectionOptions): Set<number> {
  const selected = new Set<number>();
  const processed = new Set<number>();
  for (const leaf of candidates) {
    if (1 / clusters.birthOf.get(leaf)! >= options.epsilon) {
      selected.add(leaf);
      continue;
    }
    if (processed.has(leaf)) continue;
    const ancestor = upwardsToEpsilon(leaf, clusters, options);
    selected.add(ancestor);
    for (const below of clusters.descendants(ancestor)) if (below !== ancestor) processed.add(below);
  }
  return selected;
}

function upwardsToEpsilon(cluster: number, clusters: ClusterTree, options: SelectionOptions): number {
  const parent = clusters.parentOf.get(cluster)!;
  if (parent === clusters.root) return options.allowSingleCluster ? parent : cluster;
  if (1 / clusters.birthOf.get(parent)! > options.epsilon) return parent;
  return upwardsToEpsilon(parent, clusters, options);
}

function labelRows(tree: CondensedTree, clusters: ClusterTree, selected: Set<number>, options: SelectionOptions): Int32Array {
  const n = tree.nLeaves;
  const labelOf = new Map([...selected].sort((a, b) => a - b).map((id, label) => [id, label]));
  const labels = new Int32Array(n).fill(-1);
  let rootRowsMaxLambda = -Infinity;
  for (let row = 0; row < tree.parent.length; row++) {
    if (tree.parent[row] === clusters.root) rootRowsMaxLambda = Math.max(rootRowsMaxLambda, tree.lambda[row]);
  }
  for (let row = 0; row < tree.child.length; row++) {
    const point = tree.child[row];
    if (point >= n) continue;
    let cluster = tree.parent[row];
    while (!selected.has(cluster) && cluster !== clusters.root) cluster = clusters.parentOf.get(cluster)!;
    if (cluster !== clusters.root) {
      labels[point] = labelOf.get(cluster)!;
    } else if (selected.size === 1 && options.allowSingleCluster && selected.has(cluster)) {
      // The whole data set as one cluster: only rows that stay until the densest level, or past epsilon, belong.
      const threshold = options.epsilon !== 0 ? 1 / options.epsilon : rootRowsMaxLambda;
      if (tree.lambda[row] >= threshold) labels[point] = labelOf.get(cluster)!;
    }
  }
  return labels;
}
