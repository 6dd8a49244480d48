import type { Matrix } from '../core/matrix.js';
import type { FitContext } from '../estimator/estimator.js';
import { fromReduced, type DistanceMetric } from '../kernels/distances.js';
import { sortedByHeight, type Dendrogram } from './dendrogram.js';
import { reducedDistancesFrom } from './neighbourhood.js';

export type ChainLinkage = 'ward' | 'complete' | 'average';

/** Position of pair (i, j), i < j, in a condensed n x n distance matrix (scipy's pdist order). */
function condensedIndex(n: number, i: number, j: number): number {
  return n * i - (i * (i + 1)) / 2 + j - i - 1;
}

/** Every pairwise distance, i < j, row by row: n(n-1)/2 doubles. */
export function condensedDistances(X: Matrix, metric: DistanceMetric): Float64Array {
  const n = X.nRows;
  const out = new Float64Array((n * (n - 1)) / 2);
  const row = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) {
    reducedDistancesFrom(metric, X, i, X, row);
    const base = condensedIndex(n, i, i + 1) - (i + 1);
    for (let j = i + 1; j < n; j++) out[base + j] = fromReduced(metric, row[j]);
  }
  return out;
}

/**
 * Lance-Williams update: distance from cluster i to the union of x and y. Ward's form works on
 * distances (not squared ones) exactly as scipy writes it, so the heights agree to the last bit.
 */
function updatedDistance(linkage: ChainLinkage, dxi: number, dyi: number, dxy: number, nx: number, ny: number, ni: number): number {
  if (linkage === 'complete') return dxi > dyi ? dxi : dyi;
  if (linkage === 'average') return (nx * dxi + ny * dyi) / (nx + ny);
  const t = 1.0 / (nx + ny + ni);
  return Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * dxy * dxy);
}

/**
 * Agglomerative clustering by the nearest-neighbour chain (Murtagh 1983), the algorithm scipy's
 * linkage uses for ward, complete and average: follow nearest neighbours from a cluster until two
 * clusters are each other's nearest, merge them, keep the rest of the chain. O(n^2) time over an
 * n(n-1)/2 distance table. Ties go to the previous chain element, then the lowest index, and the
 * merged cluster takes the higher index, all as scipy does, so the tree is scipy's tree.
 */
export function nnChain(X: Matrix, metric: DistanceMetric, linkage: ChainLinkage, ctx: FitContext = {}): Dendrogram {
  const n = X.nRows;
  const D = condensedDistances(X, metric);
  const size = new Int32Array(n).fill(1);
  const chain = new Int32Array(n);
  const left = new Int32Array(n - 1);
  const right = new Int32Array(n - 1);
  const height = new Float64Array(n - 1);
  let chainLength = 0;
  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      chain[0] = size.findIndex((s) => s > 0);
      chainLength = 1;
    }
    let x = 0;
    let y = 0;
    let nearest = Infinity;
    for (;;) {
      x = chain[chainLength - 1];
      if (chainLength > 1) {
        y = chain[chainLength - 2];
        nearest = D[x < y ? condensedIndex(n, x, y) : condensedIndex(n, y, x)];
      } else {
        nearest = Infinity;
      }
      for (let i = 0; i < n; i++) {
        if (size[i] === 0 || i === x) continue;
        const distance = D[x < i ? condensedIndex(n, x, i) : condensedIndex(n, i, x)];
        if (distance < nearest) {
          nearest = distance;
          y = i;
        }
      }
      if (chainLength > 1 && y === chain[chainLength - 2]) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) [x, y] = [y, x];
    const nx = size[x];
    const ny = size[y];
    left[k] = x;
    right[k] = y;
    height[k] = nearest;
    size[x] = 0;
    size[y] = nx + ny;
    for (let i = 0; i < n; i++) {
      const ni = size[i];
      if (ni === 0 || i === y) continue;
      const iy = i < y ? condensedIndex(n, i, y) : condensedIndex(n, y, i);
      const ix = i < x ? condensedIndex(n, i, x) : condensedIndex(n, x, i);
      D[iy] = updatedDistance(linkage, D[ix], D[iy], nearest, nx, ny, ni);
    }
    if ((k & 255) === 255) ctx.onProgress?.(k / (n - 1));
  }
  return sortedByHeight(n, left, right, height);
}
