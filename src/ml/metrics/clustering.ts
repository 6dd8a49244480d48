import { createMatrix, takeRows, type Matrix } from '../core/matrix.js';
import { assertClusterCount, clusterCountProblem } from './cluster-count.js';
import { distanceToCentroid } from './clustering-distance.js';
import { countCodes, encodeLabels, uniqueSorted } from './labels.js';
import { silhouetteScore } from './silhouette.js';

/** Label of points a density-based clusterer calls noise; they belong to no cluster. */
export const NOISE_LABEL = -1;

export interface ClusteringReport {
  metrics: {
    silhouette_score: number | null;
    davies_bouldin_score: number | null;
    calinski_harabasz_score: number | null;
  };
  warnings: Record<string, string>;
}

/**
 * Davies-Bouldin index (lower is better): for each cluster, the worst ratio of summed mean
 * centroid distances to the distance between centroids, averaged over clusters.
 */
export function daviesBouldinScore(X: Matrix, labels: Int32Array): number {
  const { codes, nClusters, centroids, sizes } = clusterCentroids(X, labels);
  const spread = new Float64Array(nClusters);
  for (let i = 0; i < X.nRows; i++) spread[codes[i]] += Math.sqrt(distanceToCentroid(X, i, centroids, codes[i]));
  for (let c = 0; c < nClusters; c++) spread[c] /= sizes[c];

  const centroidDistance = (a: number, b: number): number => Math.sqrt(distanceToCentroid(centroids, a, centroids, b));
  // scikit-learn returns 0 when every spread, or every centroid distance, is within allclose's 1e-8 of 0.
  if (spread.every((s) => Math.abs(s) <= ALLCLOSE_ATOL) || allCentroidDistancesNearZero(nClusters, centroidDistance)) {
    return 0;
  }
  let total = 0;
  for (let a = 0; a < nClusters; a++) {
    let worst = -Infinity;
    for (let b = 0; b < nClusters; b++) {
      const distance = centroidDistance(a, b);
      // Coinciding centroids (including a cluster with itself) count as infinitely far, as in scikit-learn.
      const ratio = (spread[a] + spread[b]) / (distance === 0 ? Infinity : distance);
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / nClusters;
}

/** Calinski-Harabasz index (variance ratio criterion; higher is better). */
export function calinskiHarabaszScore(X: Matrix, labels: Int32Array): number {
  const { codes, nClusters, centroids, sizes } = clusterCentroids(X, labels);
  const n = X.nRows;
  let between = 0;
  for (let f = 0; f < X.nCols; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += X.data[f * n + i];
    mean /= n;
    for (let c = 0; c < nClusters; c++) {
      const diff = centroids.data[f * nClusters + c] - mean;
      between += sizes[c] * diff * diff;
    }
  }
  let within = 0;
  for (let i = 0; i < n; i++) within += distanceToCentroid(X, i, centroids, codes[i]);
  // Every point on its centroid: scikit-learn defines the score as 1 rather than dividing by zero.
  if (within === 0) return 1;
  return (between * (n - nClusters)) / (within * (nClusters - 1));
}

/**
 * All three internal indices for a labelling, with noise points (label -1) left out of every one.
 * An index that is undefined for the labelling is null, and `warnings` says why.
 */
export function clusteringReport(X: Matrix, labels: Int32Array): ClusteringReport {
  if (labels.length !== X.nRows) throw new RangeError(`labels has ${labels.length} entries, X has ${X.nRows} rows`);
  const warnings: Record<string, string> = {};
  const kept = withoutNoise(X, labels);
  const noiseCount = labels.length - kept.labels.length;
  if (noiseCount > 0) {
    warnings.noise = `${noiseCount} point${noiseCount === 1 ? '' : 's'} labelled -1 (noise) left out of every metric`;
  }
  const problem = clusterCountProblem(uniqueSorted(kept.labels).length, kept.labels.length);
  if (problem !== null) {
    for (const name of ['silhouette_score', 'davies_bouldin_score', 'calinski_harabasz_score']) warnings[name] = problem;
    return { metrics: { silhouette_score: null, davies_bouldin_score: null, calinski_harabasz_score: null }, warnings };
  }
  return {
    metrics: {
      silhouette_score: silhouetteScore(kept.X, kept.labels),
      davies_bouldin_score: daviesBouldinScore(kept.X, kept.labels),
      calinski_harabasz_score: calinskiHarabaszScore(kept.X, kept.labels),
    },
    warnings,
  };
}

const ALLCLOSE_ATOL = 1e-8;

interface Centroids {
  codes: Int32Array;
  nClusters: number;
  /** nClusters x nFeatures, one row per cluster. */
  centroids: Matrix;
  sizes: Float64Array;
}

function clusterCentroids(X: Matrix, labels: Int32Array): Centroids {
  if (labels.length !== X.nRows) throw new RangeError(`labels has ${labels.length} entries, X has ${X.nRows} rows`);
  const { codes, classes } = encodeLabels(labels);
  const nClusters = classes.length;
  assertClusterCount(nClusters, X.nRows);
  const sizes = countCodes(codes, nClusters);
  const centroids = createMatrix(nClusters, X.nCols);
  for (let f = 0; f < X.nCols; f++) {
    const offset = f * X.nRows;
    const target = f * nClusters;
    for (let i = 0; i < X.nRows; i++) centroids.data[target + codes[i]] += X.data[offset + i];
    for (let c = 0; c < nClusters; c++) centroids.data[target + c] /= sizes[c];
  }
  return { codes, nClusters, centroids, sizes };
}

/** A NaN distance (centroids past the largest double) is not near zero, so the index stays NaN rather than 0. */
function allCentroidDistancesNearZero(nClusters: number, distance: (a: number, b: number) => number): boolean {
  for (let a = 0; a < nClusters; a++) {
    for (let b = 0; b < nClusters; b++) if (!(Math.abs(distance(a, b)) <= ALLCLOSE_ATOL)) return false;
  }
  return true;
}

function withoutNoise(X: Matrix, labels: Int32Array): { X: Matrix; labels: Int32Array } {
  if (!labels.includes(NOISE_LABEL)) return { X, labels };
  const keep = new Uint32Array(labels.length);
  let count = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] !== NOISE_LABEL) keep[count++] = i;
  const rows = keep.subarray(0, count);
  return { X: takeRows(X, rows), labels: Int32Array.from(rows, (i) => labels[i]) };
}
