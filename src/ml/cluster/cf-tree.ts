/**
 * The clustering-feature tree of BIRCH (Zhang, Ramakrishnan and Livny, 1996), built the way
 * scikit-learn's Birch builds it so that the leaves, and so the clusters, come out the same.
 * A subcluster summarises its rows by count, linear sum and sum of squared norms; a row joins the
 * nearest leaf subcluster if the merged radius stays within the threshold, and nodes holding more
 * than branching_factor subclusters split around their two farthest subclusters.
 */
export class Subcluster {
  n = 0;
  linearSum: Float64Array;
  squaredSum = 0;
  centroid: Float64Array;
  sqNorm = 0;
  child: CfNode | null = null;

  constructor(nFeatures: number, sample?: Float64Array) {
    this.linearSum = sample ?? new Float64Array(nFeatures);
    this.centroid = this.linearSum;
    if (sample) {
      this.n = 1;
      this.squaredSum = this.sqNorm = dot(sample, sample);
    }
  }

  /** Absorbs another subcluster without a radius check (scikit-learn's update). */
  absorb(other: Subcluster): void {
    this.n += other.n;
    const sum = new Float64Array(this.linearSum.length);
    for (let f = 0; f < sum.length; f++) sum[f] = this.linearSum[f] + other.linearSum[f];
    this.linearSum = sum;
    this.squaredSum += other.squaredSum;
    this.centroid = sum.map((value) => value / this.n);
    this.sqNorm = dot(this.centroid, this.centroid);
  }

  /**
   * Absorbs `other` if the merged squared radius, sum ||x||^2 / n - ||c||^2, is within
   * threshold^2. The centroid is (1 / n) * sum here but sum / n in absorb(), as in scikit-learn:
   * the two round differently and the radius test sees the difference.
   */
  tryMerge(other: Subcluster, threshold: number): boolean {
    const n = this.n + other.n;
    const squaredSum = this.squaredSum + other.squaredSum;
    const sum = new Float64Array(this.linearSum.length);
    for (let f = 0; f < sum.length; f++) sum[f] = this.linearSum[f] + other.linearSum[f];
    const scale = 1 / n;
    const centroid = sum.map((value) => scale * value);
    const sqNorm = dot(centroid, centroid);
    if (squaredSum / n - sqNorm > threshold ** 2) return false;
    this.n = n;
    this.linearSum = sum;
    this.squaredSum = squaredSum;
    this.centroid = centroid;
    this.sqNorm = sqNorm;
    return true;
  }
}

export class CfNode {
  readonly subclusters: Subcluster[] = [];
  prevLeaf: CfNode | null = null;
  nextLeaf: CfNode | null = null;

  constructor(readonly isLeaf: boolean) {}

  /** Inserts a one-row subcluster below this node; true when this node now overflows and must split. */
  insert(entry: Subcluster, threshold: number, branchingFactor: number): boolean {
    if (this.subclusters.length === 0) {
      this.subclusters.push(entry);
      return false;
    }
    const closestIndex = this.closest(entry.centroid);
    const closest = this.subclusters[closestIndex];
    if (closest.child !== null) {
      if (!closest.child.insert(entry, threshold, branchingFactor)) {
        closest.absorb(entry);
        return false;
      }
      const [first, second] = splitNode(closest.child, entry.linearSum.length);
      this.subclusters[closestIndex] = first;
      this.subclusters.push(second);
      return this.subclusters.length > branchingFactor;
    }
    if (closest.tryMerge(entry, threshold)) return false;
    this.subclusters.push(entry);
    return this.subclusters.length > branchingFactor;
  }

  /** Index of the subcluster nearest to a point by -2 <c, x> + ||c||^2 (ties: the first). */
  private closest(point: Float64Array): number {
    let best = 0;
    let bestValue = Infinity;
    for (let s = 0; s < this.subclusters.length; s++) {
      const sub = this.subclusters[s];
      const value = dot(sub.centroid, point) * -2 + sub.sqNorm;
      if (value < bestValue) {
        bestValue = value;
        best = s;
      }
    }
    return best;
  }
}

/**
 * Splits an overflowing node in two around its farthest pair of subclusters (squared distances by
 * the dot-product expansion, first maximum in row-major order, as scikit-learn's argmax finds it);
 * every subcluster goes to the strictly nearer of the two, ties to the second. Leaves keep their
 * left-to-right chain, which is the order subcluster centres are reported in.
 */
export function splitNode(node: CfNode, nFeatures: number): [Subcluster, Subcluster] {
  const first = new Subcluster(nFeatures);
  const second = new Subcluster(nFeatures);
  const left = new CfNode(node.isLeaf);
  const right = new CfNode(node.isLeaf);
  first.child = left;
  second.child = right;
  if (node.isLeaf) {
    if (node.prevLeaf !== null) node.prevLeaf.nextLeaf = left;
    left.prevLeaf = node.prevLeaf;
    left.nextLeaf = right;
    right.prevLeaf = left;
    right.nextLeaf = node.nextLeaf;
    if (node.nextLeaf !== null) node.nextLeaf.prevLeaf = right;
  }
  const distances = squaredDistanceTable(node.subclusters);
  const k = node.subclusters.length;
  let farthest = 0;
  for (let cell = 1; cell < k * k; cell++) if (distances[cell] > distances[farthest]) farthest = cell;
  const a = Math.floor(farthest / k);
  const b = farthest % k;
  node.subclusters.forEach((sub, s) => {
    const toFirst = s === a || distances[a * k + s] < distances[b * k + s];
    (toFirst ? left : right).subclusters.push(sub);
    (toFirst ? first : second).absorb(sub);
  });
  return [first, second];
}

/** k x k squared distances between centroids, row-major, as scikit-learn's euclidean_distances(squared=True). */
function squaredDistanceTable(subclusters: Subcluster[]): Float64Array {
  const k = subclusters.length;
  const norms = subclusters.map((sub) => dot(sub.centroid, sub.centroid));
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      out[a * k + b] = a === b ? 0 : Math.max(0, -2 * dot(subclusters[a].centroid, subclusters[b].centroid) + norms[a] + norms[b]);
    }
  }
  return out;
}

function dot(x: Float64Array, y: Float64Array): number {
  let total = 0;
  for (let f = 0; f < x.length; f++) total += x[f] * y[f];
  return total;
}
