import type { Matrix } from '../core/matrix.js';
import type { Random } from '../core/random.js';
import { nearestCentres, squaredDistanceToCentre } from './assign.js';
import { distinctRows } from './kmeans-init.js';

/**
 * One mini-batch update (Sculley 2010) as scikit-learn does it: assign the batch to the current
 * centres, then move each centre that received rows to the running mean of every row it has ever
 * received (its count grows, so its learning rate falls). Returns the batch's inertia against the
 * centres before the move. `next` receives the new centres; `counts` is updated in place.
 */
export function miniBatchStep(batch: Matrix, centres: Matrix, next: Matrix, counts: Float64Array): number {
  const k = centres.nRows;
  const d = centres.nCols;
  const labels = nearestCentres(batch, centres);
  let inertia = 0;
  for (let i = 0; i < batch.nRows; i++) inertia += squaredDistanceToCentre(batch, i, centres, labels[i]);
  const received = new Float64Array(k);
  for (let i = 0; i < batch.nRows; i++) received[labels[i]]++;
  for (let c = 0; c < k; c++) {
    if (received[c] === 0) {
      for (let f = 0; f < d; f++) next.data[f * k + c] = centres.data[f * k + c];
      continue;
    }
    // Undo the previous mean, add the new rows, divide by the new count (times its reciprocal, as scikit-learn).
    for (let f = 0; f < d; f++) next.data[f * k + c] = centres.data[f * k + c] * counts[c];
    for (let i = 0; i < batch.nRows; i++) {
      if (labels[i] !== c) continue;
      for (let f = 0; f < d; f++) next.data[f * k + c] += batch.data[f * batch.nRows + i];
    }
    counts[c] += received[c];
    const scale = 1 / counts[c];
    for (let f = 0; f < d; f++) next.data[f * k + c] *= scale;
  }
  return inertia;
}

/**
 * scikit-learn's random reassignment: centres whose count is below reassignmentRatio times the
 * largest (at most half the batch of them, the lightest) jump to random distinct rows of the batch
 * and get the smallest remaining count, so that starved centres get another chance.
 */
export function reassignLightCentres(batch: Matrix, centres: Matrix, counts: Float64Array, reassignmentRatio: number, rng: Random): void {
  const k = centres.nRows;
  let heaviest = 0;
  for (let c = 0; c < k; c++) if (counts[c] > heaviest) heaviest = counts[c];
  const reassign = new Uint8Array(k);
  let nReassign = 0;
  for (let c = 0; c < k; c++) if (counts[c] < reassignmentRatio * heaviest) reassign[c] = 1;
  for (let c = 0; c < k; c++) nReassign += reassign[c];
  if (nReassign > 0.5 * batch.nRows) {
    const byCount = Array.from({ length: k }, (_, c) => c).sort((a, b) => counts[a] - counts[b] || a - b);
    for (const c of byCount.slice(Math.trunc(0.5 * batch.nRows))) reassign[c] = 0;
    nReassign = reassign.reduce((total, flag) => total + flag, 0);
  }
  if (nReassign > 0) {
    const rows = distinctRows(batch.nRows, nReassign, rng);
    let next = 0;
    for (let c = 0; c < k; c++) {
      if (!reassign[c]) continue;
      const row = rows[next++];
      for (let f = 0; f < centres.nCols; f++) centres.data[f * k + c] = batch.data[f * batch.nRows + row];
    }
  }
  let lightestKept = Infinity;
  for (let c = 0; c < k; c++) if (!reassign[c] && counts[c] < lightestKept) lightestKept = counts[c];
  for (let c = 0; c < k; c++) if (reassign[c]) counts[c] = lightestKept;
}

/**
 * scikit-learn's early stopping for mini-batch k-means: an exponentially weighted average of the
 * per-row batch inertia must keep improving; `maxNoImprovement` steps without a new minimum stop
 * the fit, and so does a total squared centre move within tol. The first step is ignored (its
 * inertia is the initialisation's).
 */
export class MiniBatchConvergence {
  private smoothed: number | null = null;
  private best: number | null = null;
  private stale = 0;

  constructor(
    private readonly batchSize: number,
    private readonly nSamples: number,
    private readonly tol: number,
    private readonly maxNoImprovement: number | null,
  ) {}

  /** True when the fit should stop after this step (0-based). */
  converged(step: number, centreShift: number, batchInertia: number): boolean {
    const perRow = batchInertia / this.batchSize;
    if (step === 0) return false;
    if (this.smoothed === null) {
      this.smoothed = perRow;
    } else {
      const alpha = Math.min(1, (this.batchSize * 2.0) / (this.nSamples + 1));
      this.smoothed = this.smoothed * (1 - alpha) + perRow * alpha;
    }
    if (this.tol > 0 && centreShift <= this.tol) return true;
    if (this.best === null || this.smoothed < this.best) {
      this.stale = 0;
      this.best = this.smoothed;
    } else {
      this.stale++;
    }
    return this.maxNoImprovement !== null && this.stale >= this.maxNoImprovement;
  }
}
