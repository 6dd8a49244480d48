import type { Matrix } from '../core/matrix.js';
import { reducedDistance, type DistanceMetric } from '../kernels/distances.js';

/**
 * The clustering indices use Euclidean distance; the kernels' "reduced" Euclidean distance is its
 * square. The kernels sum squared differences rather than using scikit-learn's
 * ||a||^2 - 2ab + ||b||^2 expansion (faster with BLAS, less precise for nearby points), so our
 * indices agree with scikit-learn's to rounding, not bit for bit.
 */
export const EUCLIDEAN: DistanceMetric = { kind: 'euclidean', p: 2 };

/** Squared distance from row `row` of X to row `centroid` of `centroids`. */
export function distanceToCentroid(X: Matrix, row: number, centroids: Matrix, centroid: number): number {
  return reducedDistance(EUCLIDEAN, X.nCols, X.data, row, X.nRows, centroids.data, centroid, centroids.nRows);
}
