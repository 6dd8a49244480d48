import type { Matrix } from '../core/matrix.js';
import { reducedDistance, reducedDistanceBlock, type DistanceMetric } from '../kernels/distances.js';

/** k-means is defined on Euclidean distance; the kernels' "reduced" Euclidean distance is its square. */
export const EUCLIDEAN: DistanceMetric = { kind: 'euclidean', p: 2 };

/**
 * The assignment half of a Lloyd iteration. Implementations differ in how much they compute, never
 * in the labels they produce (up to exact ties).
 */
export interface AssignmentStep {
  /** Nearest centre of each row as of the last assign(); -1 before the first. */
  readonly labels: Int32Array;
  /** Assigns every row to its nearest centre (ties: lowest index, as in scikit-learn); returns how many labels changed. */
  assign(centres: Matrix): number;
  /** Exact squared distance from each row to its labelled centre in `centres` (the ones last assigned to). */
  squaredDistancesToAssigned(centres: Matrix): Float64Array;
}

/**
 * Rows per distance block: a block's distances to every centre (256 x k doubles) stay in cache
 * while the row-wise minimum reads them back.
 */
const BLOCK_ROWS = 256;

/** Squared distances from blocks of listed rows to every centre, in reusable buffers. */
export class CentreDistanceBlocks {
  private readonly rows: Float64Array;
  /** After fill(): block[c * count + i] is the distance from the i-th listed row to centre c. */
  readonly block: Float64Array;

  constructor(
    private readonly X: Matrix,
    nCentres: number,
  ) {
    this.rows = new Float64Array(BLOCK_ROWS * X.nCols);
    this.block = new Float64Array(BLOCK_ROWS * nCentres);
  }

  static readonly blockRows = BLOCK_ROWS;

  fill(rowIndex: Uint32Array, from: number, count: number, centres: Matrix): void {
    const { X, rows } = this;
    // Gathered into a contiguous block, the rows become the kernel's inner loop, which is about
    // 1.4x faster than iterating over the few centres innermost.
    for (let f = 0; f < X.nCols; f++) {
      const source = f * X.nRows;
      const target = f * count;
      for (let i = 0; i < count; i++) rows[target + i] = X.data[source + rowIndex[from + i]];
    }
    reducedDistanceBlock(EUCLIDEAN, X.nCols, centres.data, centres.nRows, 0, centres.nRows, rows, count, this.block);
  }
}

/** Lloyd's plain assignment: every row against every centre, every time. The reference for the bounded one. */
export class ExhaustiveAssignment implements AssignmentStep {
  readonly labels: Int32Array;
  private readonly distances: Float64Array;
  private readonly allRows: Uint32Array;
  private readonly blocks: CentreDistanceBlocks;

  constructor(private readonly X: Matrix, nCentres: number) {
    this.labels = new Int32Array(X.nRows).fill(-1);
    this.distances = new Float64Array(X.nRows);
    this.allRows = Uint32Array.from({ length: X.nRows }, (_, i) => i);
    this.blocks = new CentreDistanceBlocks(X, nCentres);
  }

  assign(centres: Matrix): number {
    const nCentres = centres.nRows;
    const block = this.blocks.block;
    let changed = 0;
    for (let start = 0; start < this.X.nRows; start += CentreDistanceBlocks.blockRows) {
      const count = Math.min(CentreDistanceBlocks.blockRows, this.X.nRows - start);
      this.blocks.fill(this.allRows, start, count, centres);
      for (let i = 0; i < count; i++) {
        let best = 0;
        let bestDistance = block[i];
        for (let c = 1; c < nCentres; c++) {
          const distance = block[c * count + i];
          if (distance < bestDistance) {
            bestDistance = distance;
            best = c;
          }
        }
        if (this.labels[start + i] !== best) changed++;
        this.labels[start + i] = best;
        this.distances[start + i] = bestDistance;
      }
    }
    return changed;
  }

  squaredDistancesToAssigned(): Float64Array {
    return this.distances;
  }
}

/** Nearest centre of each row of X (scikit-learn's KMeans.predict). */
export function nearestCentres(X: Matrix, centres: Matrix): Int32Array {
  const step = new ExhaustiveAssignment(X, centres.nRows);
  step.assign(centres);
  return step.labels;
}

export function squaredDistanceToCentre(X: Matrix, row: number, centres: Matrix, centre: number): number {
  return reducedDistance(EUCLIDEAN, X.nCols, X.data, row, X.nRows, centres.data, centre, centres.nRows);
}

/** Sum of squared distances from each row to its labelled centre (scikit-learn's inertia_). */
export function inertiaOf(X: Matrix, centres: Matrix, labels: Int32Array): number {
  let total = 0;
  for (let i = 0; i < X.nRows; i++) total += squaredDistanceToCentre(X, i, centres, labels[i]);
  return total;
}
