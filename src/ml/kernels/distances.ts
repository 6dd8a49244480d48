/**
 * Distances between rows, computed as "reduced" distances: a cheaper quantity with the same order
 * (the squared distance for Euclidean, sum |d|^p for Minkowski), so nearest-neighbour search compares
 * reduced values and converts only the few it keeps. Each pair is summed feature by feature in index
 * order, which is also what scikit-learn's KD and ball trees do, so the distances agree bit for bit.
 */
export type DistanceKind = 'euclidean' | 'manhattan' | 'chebyshev' | 'minkowski';

export interface DistanceMetric {
  kind: DistanceKind;
  /** The Minkowski power; only read when kind is 'minkowski'. */
  p: number;
}

/** Reduced distance between x and y, n features each, read with their own offsets and strides. */
export function reducedDistance(
  metric: DistanceMetric,
  n: number,
  x: Float64Array,
  offsetX: number,
  strideX: number,
  y: Float64Array,
  offsetY: number,
  strideY: number,
): number {
  // Squared Euclidean, the common case (k-means' bounds call it for most rows every iteration),
  // gets a loop of its own without the per-feature metric test.
  if (metric.kind === 'euclidean') {
    let squares = 0;
    for (let i = 0, ix = offsetX, iy = offsetY; i < n; i++, ix += strideX, iy += strideY) {
      const diff = x[ix] - y[iy];
      squares += diff * diff;
    }
    return squares;
  }
  let total = 0;
  let ix = offsetX;
  let iy = offsetY;
  for (let i = 0; i < n; i++) {
    const diff = Math.abs(x[ix] - y[iy]);
    if (metric.kind === 'manhattan') total += diff;
    else if (metric.kind === 'chebyshev') total = diff > total ? diff : total;
    else total += Math.pow(diff, metric.p);
    ix += strideX;
    iy += strideY;
  }
  return total;
}

/** The true distance from a reduced one. */
export function fromReduced(metric: DistanceMetric, reduced: number): number {
  if (metric.kind === 'euclidean') return Math.sqrt(reduced);
  if (metric.kind === 'minkowski') return Math.pow(reduced, 1 / metric.p);
  return reduced;
}

/**
 * Reduced distances from rows [startA, startA + countA) of `a` to every row of `b`, both column-major
 * with `nFeatures` columns: out[i * rowsB + j] holds query i against reference row j, so each query's
 * distances are contiguous for the selection that follows. The innermost loop runs down one column of
 * `b`, contiguous in the column-major layout, and features are added in index order for every pair.
 */
export function reducedDistanceBlock(
  metric: DistanceMetric,
  nFeatures: number,
  a: Float64Array,
  rowsA: number,
  startA: number,
  countA: number,
  b: Float64Array,
  rowsB: number,
  out: Float64Array,
): void {
  if (metric.kind === 'euclidean') {
    squaredEuclideanBlock(nFeatures, a, rowsA, startA, countA, b, rowsB, out);
    return;
  }
  out.fill(0, 0, countA * rowsB);
  for (let i = 0; i < countA; i++) {
    // Query-major, so one query's row of distances stays in cache while every feature is added.
    for (let f = 0; f < nFeatures; f++) {
      accumulateColumn(metric, a[f * rowsA + startA + i], b, f * rowsB, rowsB, out, i * rowsB);
    }
  }
}

/** Queries whose distances one pass over a reference row sums at once, each in its own register. */
const QUERIES_PER_PASS = 4;

/**
 * reducedDistanceBlock for squared Euclidean distances, summed in the same order (feature by feature
 * from 0), so bit for bit the same; but each pass reads a reference row once for four queries and
 * keeps the four sums in registers, with one store per pair instead of one per pair and feature:
 * about twice as fast for k-means' block of rows against its centres.
 */
function squaredEuclideanBlock(
  nFeatures: number,
  a: Float64Array,
  rowsA: number,
  startA: number,
  countA: number,
  b: Float64Array,
  rowsB: number,
  out: Float64Array,
): void {
  let i = 0;
  for (; i + QUERIES_PER_PASS <= countA; i += QUERIES_PER_PASS) {
    const row0 = i * rowsB;
    const row1 = row0 + rowsB;
    const row2 = row1 + rowsB;
    const row3 = row2 + rowsB;
    for (let j = 0; j < rowsB; j++) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let f = 0, at = j, q = startA + i; f < nFeatures; f++, at += rowsB, q += rowsA) {
        const x = b[at];
        const d0 = a[q] - x;
        const d1 = a[q + 1] - x;
        const d2 = a[q + 2] - x;
        const d3 = a[q + 3] - x;
        s0 += d0 * d0;
        s1 += d1 * d1;
        s2 += d2 * d2;
        s3 += d3 * d3;
      }
      out[row0 + j] = s0;
      out[row1 + j] = s1;
      out[row2 + j] = s2;
      out[row3 + j] = s3;
    }
  }
  for (; i < countA; i++) {
    for (let j = 0; j < rowsB; j++) {
      let s = 0;
      for (let f = 0, at = j, q = startA + i; f < nFeatures; f++, at += rowsB, q += rowsA) {
        const d = a[q] - b[at];
        s += d * d;
      }
      out[i * rowsB + j] = s;
    }
  }
}

/** Folds one feature's contribution of a single query value into its row of reduced distances. */
function accumulateColumn(
  metric: DistanceMetric,
  query: number,
  b: Float64Array,
  offsetB: number,
  n: number,
  out: Float64Array,
  offsetOut: number,
): void {
  // One loop per metric so that the inner loop carries no branch.
  switch (metric.kind) {
    case 'euclidean':
      for (let j = 0; j < n; j++) {
        const diff = query - b[offsetB + j];
        out[offsetOut + j] += diff * diff;
      }
      return;
    case 'manhattan':
      for (let j = 0; j < n; j++) out[offsetOut + j] += Math.abs(query - b[offsetB + j]);
      return;
    case 'chebyshev':
      for (let j = 0; j < n; j++) {
        const diff = Math.abs(query - b[offsetB + j]);
        if (diff > out[offsetOut + j]) out[offsetOut + j] = diff;
      }
      return;
    case 'minkowski': {
      const p = metric.p;
      for (let j = 0; j < n; j++) out[offsetOut + j] += Math.pow(Math.abs(query - b[offsetB + j]), p);
      return;
    }
  }
}
