import { createMatrix, type Matrix } from '../core/matrix.js';
import { ExhaustiveAssignment, inertiaOf, type AssignmentStep } from './assign.js';
import { BoundedAssignment } from './hamerly.js';

export interface KMeansRun {
  /** nClusters x nFeatures. */
  centres: Matrix;
  labels: Int32Array;
  inertia: number;
  nIter: number;
}

export type AssignmentStrategy = 'bounded' | 'exhaustive';

/**
 * One k-means run from given centres with Lloyd's iterations, scikit-learn's loop: assign every
 * row to its nearest centre, move each centre to the mean of its rows, and stop when no label
 * changed ("strict convergence") or the centres moved by at most `tol` in total squared distance.
 * After a tol stop the rows are assigned once more, so labels always match the returned centres.
 * 'bounded' (Hamerly's bounds) and 'exhaustive' give the same labels; the second is the reference.
 */
export function lloyd(
  X: Matrix,
  initialCentres: Matrix,
  maxIter: number,
  tol: number,
  strategy: AssignmentStrategy = 'bounded',
): KMeansRun {
  const nClusters = initialCentres.nRows;
  let centres = createMatrix(nClusters, X.nCols, Float64Array.from(initialCentres.data));
  let nextCentres = createMatrix(nClusters, X.nCols);
  const counts = new Float64Array(nClusters);
  const byCluster = new RowsByCluster(X.nRows, nClusters);
  const step: AssignmentStep =
    strategy === 'bounded' ? new BoundedAssignment(X, nClusters) : new ExhaustiveAssignment(X, nClusters);

  let strictConvergence = false;
  let nIter = 0;
  while (nIter < maxIter) {
    const changed = step.assign(centres);
    updateCentres(X, step, centres, nextCentres, counts, byCluster);
    const shift = squaredShift(centres, nextCentres);
    [centres, nextCentres] = [nextCentres, centres];
    nIter++;
    if (changed === 0) {
      strictConvergence = true;
      break;
    }
    if (shift <= tol) break;
  }
  if (!strictConvergence) step.assign(centres);
  return { centres, labels: step.labels, inertia: inertiaOf(X, centres, step.labels), nIter };
}

/**
 * scikit-learn's tol is relative to the data's scale: the mean over features of their
 * (population) variance, times tol, bounds the total squared centre shift.
 */
export function absoluteTolerance(X: Matrix, tol: number): number {
  let total = 0;
  for (let f = 0; f < X.nCols; f++) {
    const column = X.data.subarray(f * X.nRows, (f + 1) * X.nRows);
    let mean = 0;
    for (let i = 0; i < column.length; i++) mean += column[i];
    mean /= column.length;
    let squares = 0;
    for (let i = 0; i < column.length; i++) squares += (column[i] - mean) * (column[i] - mean);
    total += squares / column.length;
  }
  return (total / X.nCols) * tol;
}

/** Means of the rows of each cluster, written to `next`; rows far from `centres` fill empty clusters. */
function updateCentres(
  X: Matrix,
  step: AssignmentStep,
  centres: Matrix,
  next: Matrix,
  counts: Float64Array,
  byCluster: RowsByCluster,
): void {
  const n = X.nRows;
  const labels = step.labels;
  const nClusters = next.nRows;
  const data = X.data;
  const sums = next.data;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[labels[i]]++;
  // Rows grouped by cluster (in index order within each): every cluster's sum then runs in registers
  // over its own rows, where adding row by row into the cluster's slot waits on the previous store.
  byCluster.first[0] = 0;
  for (let c = 1; c <= nClusters; c++) byCluster.first[c] = byCluster.first[c - 1] + counts[c - 1];
  byCluster.next.set(byCluster.first.subarray(0, nClusters));
  const rows = byCluster.rows;
  for (let i = 0; i < n; i++) rows[byCluster.next[labels[i]]++] = i;
  for (let f = 0; f < X.nCols; f++) {
    const column = data.subarray(f * n, (f + 1) * n);
    for (let c = 0; c < nClusters; c++) {
      const end = byCluster.first[c + 1];
      let s0 = 0;
      let s1 = 0;
      let j = byCluster.first[c];
      for (; j + 1 < end; j += 2) {
        s0 += column[rows[j]];
        s1 += column[rows[j + 1]];
      }
      if (j < end) s0 += column[rows[j]];
      sums[f * nClusters + c] = s0 + s1;
    }
  }
  if (counts.includes(0)) relocateEmptyClusters(X, labels, step.squaredDistancesToAssigned(centres), next, counts);
  for (let c = 0; c < nClusters; c++) {
    if (counts[c] === 0) continue;
    // Multiply by the reciprocal, as scikit-learn does, so centres round the same way.
    const scale = 1 / counts[c];
    for (let f = 0; f < X.nCols; f++) sums[f * nClusters + c] *= scale;
  }
}

/** Row indices ordered by cluster, rebuilt each iteration in updateCentres's reused buffers. */
class RowsByCluster {
  readonly rows: Uint32Array;
  /** Cluster c's rows are rows[first[c] .. first[c + 1]). */
  readonly first: Uint32Array;
  /** Where the next row of each cluster goes while the order is built. */
  readonly next: Uint32Array;

  constructor(nRows: number, nClusters: number) {
    this.rows = new Uint32Array(nRows);
    this.first = new Uint32Array(nClusters + 1);
    this.next = new Uint32Array(nClusters);
  }
}

/**
 * scikit-learn's fix for a cluster that lost all its rows: give it the row farthest from its own
 * centre (the next farthest for the next empty cluster), taking that row's contribution away from
 * the cluster it was in. Labels are left alone; the next assignment settles them.
 * `sums` still holds per-cluster sums, not means.
 */
function relocateEmptyClusters(
  X: Matrix,
  labels: Int32Array,
  distances: Float64Array,
  sums: Matrix,
  counts: Float64Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] === 0) empty.push(c);
  const farthest = largestIndices(distances, empty.length);
  const nClusters = sums.nRows;
  for (let e = 0; e < empty.length; e++) {
    const row = farthest[e];
    const from = labels[row];
    for (let f = 0; f < X.nCols; f++) {
      const value = X.data[f * X.nRows + row];
      sums.data[f * nClusters + from] -= value;
      sums.data[f * nClusters + empty[e]] = value;
    }
    counts[empty[e]] = 1;
    counts[from] -= 1;
  }
}

/** Indices of the `count` largest values, largest first (ties: lower index first). */
function largestIndices(values: Float64Array, count: number): Uint32Array {
  const top = new Uint32Array(count);
  let filled = 0;
  for (let i = 0; i < values.length; i++) {
    if (filled === count && values[i] <= values[top[count - 1]]) continue;
    let position = filled < count ? filled++ : count - 1;
    while (position > 0 && values[top[position - 1]] < values[i]) {
      top[position] = top[position - 1];
      position--;
    }
    top[position] = i;
  }
  return top;
}

/** Total squared distance the centres moved. */
export function squaredShift(before: Matrix, after: Matrix): number {
  let total = 0;
  for (let i = 0; i < before.data.length; i++) {
    const diff = after.data[i] - before.data[i];
    total += diff * diff;
  }
  return total;
}
