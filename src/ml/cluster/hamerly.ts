import { createMatrix, type Matrix } from '../core/matrix.js';
import { CentreDistanceBlocks, squaredDistanceToCentre, type AssignmentStep } from './assign.js';

/**
 * Rounding in the bounds can misjudge a row that is within a few ulps of a tie; skipping only
 * when the margin is clearly positive sends such rows to the exact computation instead.
 */
const SKIP_MARGIN = 1 - 1e-12;

/**
 * Lloyd's assignment with Hamerly's bounds (G. Hamerly, "Making k-means even faster", SDM 2010):
 * per row, an upper bound on the distance to its centre and a lower bound on the distance to
 * every other centre. When centres move, the bounds move by at most the centre shifts; a row
 * whose upper bound stays below both its lower bound and half the gap from its centre to the
 * nearest other centre cannot change cluster and is skipped. Only the other rows are compared
 * with every centre, so after the first few iterations most rows cost O(1). The labels are the
 * exhaustive assignment's; this is what scikit-learn's algorithm="elkan" does with k bounds per row.
 */
export class BoundedAssignment implements AssignmentStep {
  readonly labels: Int32Array;
  /** Upper bound on the (unsquared) distance from each row to its centre. */
  private readonly upper: Float64Array;
  /** Lower bound on the distance from each row to any other centre. */
  private readonly lower: Float64Array;
  /** Rows that need the full comparison this step. */
  private readonly pending: Uint32Array;
  private readonly blocks: CentreDistanceBlocks;
  private readonly previousCentres: Matrix;
  private readonly shifts: Float64Array;
  private readonly halfGaps: Float64Array;
  private readonly scratch: Float64Array;
  private assignedOnce = false;

  constructor(private readonly X: Matrix, nCentres: number) {
    const n = X.nRows;
    this.labels = new Int32Array(n).fill(-1);
    this.upper = new Float64Array(n);
    this.lower = new Float64Array(n);
    this.pending = new Uint32Array(n);
    this.blocks = new CentreDistanceBlocks(X, nCentres);
    this.previousCentres = createMatrix(nCentres, X.nCols);
    this.shifts = new Float64Array(nCentres);
    this.halfGaps = new Float64Array(nCentres);
    this.scratch = new Float64Array(n);
  }

  assign(centres: Matrix): number {
    const nPending = this.assignedOnce ? this.selectPending(centres) : this.selectAll();
    this.assignedOnce = true;
    this.previousCentres.data.set(centres.data);
    return this.assignPending(nPending, centres);
  }

  squaredDistancesToAssigned(centres: Matrix): Float64Array {
    for (let i = 0; i < this.X.nRows; i++) this.scratch[i] = squaredDistanceToCentre(this.X, i, centres, this.labels[i]);
    return this.scratch;
  }

  private selectAll(): number {
    for (let i = 0; i < this.X.nRows; i++) this.pending[i] = i;
    return this.X.nRows;
  }

  /** Loosens every bound by how far the centres moved, then keeps the rows the bounds cannot settle. */
  private selectPending(centres: Matrix): number {
    const { labels, upper, lower, shifts, halfGaps } = this;
    let largest = 0;
    let largestCentre = -1;
    let secondLargest = 0;
    for (let c = 0; c < centres.nRows; c++) {
      shifts[c] = Math.sqrt(squaredDistanceToCentre(this.previousCentres, c, centres, c));
      if (shifts[c] > largest) {
        secondLargest = largest;
        largest = shifts[c];
        largestCentre = c;
      } else if (shifts[c] > secondLargest) {
        secondLargest = shifts[c];
      }
    }
    this.computeHalfGaps(centres);
    let nPending = 0;
    for (let i = 0; i < this.X.nRows; i++) {
      const label = labels[i];
      upper[i] += shifts[label];
      // The other centres moved by at most the largest shift among them.
      lower[i] -= label === largestCentre ? secondLargest : largest;
      const bound = Math.max(halfGaps[label], lower[i]) * SKIP_MARGIN;
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(squaredDistanceToCentre(this.X, i, centres, label));
      if (upper[i] <= bound) continue;
      this.pending[nPending++] = i;
    }
    return nPending;
  }

  /** halfGaps[c]: half the distance from centre c to its nearest other centre. */
  private computeHalfGaps(centres: Matrix): void {
    const nCentres = centres.nRows;
    this.halfGaps.fill(Infinity);
    for (let a = 0; a < nCentres; a++) {
      for (let b = a + 1; b < nCentres; b++) {
        const half = Math.sqrt(squaredDistanceToCentre(centres, a, centres, b)) / 2;
        if (half < this.halfGaps[a]) this.halfGaps[a] = half;
        if (half < this.halfGaps[b]) this.halfGaps[b] = half;
      }
    }
  }

  /** Compares the pending rows with every centre and resets their bounds exactly. */
  private assignPending(nPending: number, centres: Matrix): number {
    const nCentres = centres.nRows;
    const block = this.blocks.block;
    let changed = 0;
    for (let from = 0; from < nPending; from += CentreDistanceBlocks.blockRows) {
      const count = Math.min(CentreDistanceBlocks.blockRows, nPending - from);
      this.blocks.fill(this.pending, from, count, centres);
      for (let i = 0; i < count; i++) {
        let best = 0;
        let bestDistance = block[i];
        let secondDistance = Infinity;
        for (let c = 1; c < nCentres; c++) {
          const distance = block[c * count + i];
          if (distance < bestDistance) {
            secondDistance = bestDistance;
            bestDistance = distance;
            best = c;
          } else if (distance < secondDistance) {
            secondDistance = distance;
          }
        }
        const row = this.pending[from + i];
        if (this.labels[row] !== best) changed++;
        this.labels[row] = best;
        this.upper[row] = Math.sqrt(bestDistance);
        this.lower[row] = Math.sqrt(secondDistance);
      }
    }
    return changed;
  }
}
