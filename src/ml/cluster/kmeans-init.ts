import { createMatrix, takeRows, type Matrix } from '../core/matrix.js';
import type { Random } from '../core/random.js';
import { reducedDistanceBlock } from '../kernels/distances.js';
import { EUCLIDEAN } from './assign.js';

export type KMeansInit = 'k-means++' | 'random';

export function initialCentres(X: Matrix, nClusters: number, init: KMeansInit, rng: Random): Matrix {
  return init === 'k-means++' ? kmeansPlusPlus(X, nClusters, rng) : randomRows(X, nClusters, rng);
}

/**
 * Greedy k-means++ as scikit-learn does it: each new centre is the best of 2 + floor(ln k)
 * candidates drawn with probability proportional to the squared distance to the nearest centre
 * so far, "best" meaning the one that leaves the smallest total squared distance (potential).
 *
 * With fewer distinct points than clusters the potential reaches 0, every draw then lands on row 0
 * (the first cumulative sum that is >= 0), and centres repeat; Lloyd then leaves some clusters
 * empty, and the fit returns fewer distinct labels than n_clusters, as scikit-learn does (it only
 * adds a ConvergenceWarning).
 */
export function kmeansPlusPlus(X: Matrix, nClusters: number, rng: Random): Matrix {
  return takeRows(X, kmeansPlusPlusRows(X, nClusters, rng));
}

/** The rows k-means++ picks as centres, in order (what scikit-learn's kmeans_plusplus returns as indices). */
export function kmeansPlusPlusRows(X: Matrix, nClusters: number, rng: Random): Uint32Array {
  const n = X.nRows;
  const nTrials = 2 + Math.floor(Math.log(nClusters));
  const chosen = new Uint32Array(nClusters);
  const candidates = createMatrix(nTrials, X.nCols);
  const candidateIds = new Uint32Array(nTrials);
  // candidateDistances[t * n + i]: squared distance from row i to candidate t, then its min with closest.
  const candidateDistances = new Float64Array(nTrials * n);
  const closest = new Float64Array(n);
  const cumulative = new Float64Array(n);

  const first = rng.int(n);
  chosen[0] = first;
  reducedDistanceBlock(EUCLIDEAN, X.nCols, X.data, n, first, 1, X.data, n, closest);
  let potential = sum(closest);

  for (let c = 1; c < nClusters; c++) {
    cumulativeSum(closest, cumulative);
    for (let t = 0; t < nTrials; t++) {
      candidateIds[t] = Math.min(searchSortedLeft(cumulative, rng.next() * potential), n - 1);
      copyRow(X, candidateIds[t], candidates, t);
    }
    reducedDistanceBlock(EUCLIDEAN, X.nCols, candidates.data, nTrials, 0, nTrials, X.data, n, candidateDistances);
    let bestTrial = 0;
    let bestPotential = Infinity;
    for (let t = 0; t < nTrials; t++) {
      const offset = t * n;
      let trialPotential = 0;
      for (let i = 0; i < n; i++) {
        const distance = closest[i] < candidateDistances[offset + i] ? closest[i] : candidateDistances[offset + i];
        candidateDistances[offset + i] = distance;
        trialPotential += distance;
      }
      if (trialPotential < bestPotential) {
        bestPotential = trialPotential;
        bestTrial = t;
      }
    }
    potential = bestPotential;
    closest.set(candidateDistances.subarray(bestTrial * n, (bestTrial + 1) * n));
    chosen[c] = candidateIds[bestTrial];
  }
  return chosen;
}

/** nClusters distinct rows chosen uniformly (scikit-learn's init="random"). */
export function randomRows(X: Matrix, nClusters: number, rng: Random): Matrix {
  return takeRows(X, distinctRows(X.nRows, nClusters, rng));
}

/** `count` distinct row indices out of n, uniformly (numpy's choice without replacement). */
export function distinctRows(n: number, count: number, rng: Random): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  // Partial Fisher-Yates: only the first `count` positions need to be drawn.
  for (let c = 0; c < count; c++) {
    const pick = c + rng.int(n - c);
    const row = order[pick];
    order[pick] = order[c];
    order[c] = row;
  }
  return order.slice(0, count);
}

function copyRow(from: Matrix, fromRow: number, to: Matrix, toRow: number): void {
  for (let f = 0; f < from.nCols; f++) to.data[f * to.nRows + toRow] = from.data[f * from.nRows + fromRow];
}

function cumulativeSum(values: Float64Array, out: Float64Array): void {
  let running = 0;
  for (let i = 0; i < values.length; i++) {
    running += values[i];
    out[i] = running;
  }
}

/** First index whose value is >= target (numpy.searchsorted, side="left"); length when none is. */
function searchSortedLeft(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
