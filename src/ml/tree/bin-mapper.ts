import type { Matrix } from '../core/matrix.js';
import type { Random } from '../core/random.js';
import { midpointThreshold, splitValue } from './threshold.js';

/**
 * Bin 0 of every feature holds the missing values (NaN). Putting it first makes missing sort as
 * the smallest value, so every split sends missing left; the predictor agrees because `NaN > t`
 * is false. scikit-learn 1.2 trees reject NaN, so this is our own convention until we learn a
 * per-split direction like LightGBM.
 */
export const MISSING_BIN = 0;

/** The histogram resolution ceiling: a bin code plus the missing bin must fit in a Uint8Array. */
export const MAX_BINS = 255;

/** Quantile thresholds come from at most this many rows; more rows move them very little. */
export const QUANTILE_SAMPLE_ROWS = 200_000;

/**
 * The training matrix as small integer codes, built once per fit and shared by every tree.
 * Codes order values as the features do (splitValue precision), so a split between two bins is
 * a split between the values on either side; the learner then places the real threshold from the
 * node's raw values (threshold.ts). Bin b of feature f sits at position binStart[f] + b of a
 * histogram that lays the features out one after the other.
 */
export interface BinnedFeatures {
  readonly nRows: number;
  readonly nFeatures: number;
  /** One view per feature into a single column-major buffer of bin codes. */
  readonly columns: readonly Uint8Array[];
  /** Bins per feature, the missing bin included. */
  readonly nBins: Int32Array;
  /** Prefix sums of nBins: where each feature starts in a histogram; the last entry is the total. */
  readonly binStart: Int32Array;
}

/** Codes every column of X into at most maxBins value bins plus the missing bin. */
export function binFeatures(X: Matrix, maxBins: number, rng: Random): BinnedFeatures {
  const { nRows, nCols } = X;
  const codes = new Uint8Array(nRows * nCols);
  const sampleRows = quantileSampleRows(nRows, rng);
  const thresholds: Float64Array[] = [];
  const nBins = new Int32Array(nCols);
  const binStart = new Int32Array(nCols + 1);
  for (let f = 0; f < nCols; f++) {
    thresholds.push(binThresholds(sortedPresentValues(X, f, sampleRows), maxBins));
    nBins[f] = thresholds[f].length + 2;
    binStart[f + 1] = binStart[f] + nBins[f];
  }
  const columns: Uint8Array[] = [];
  for (let f = 0; f < nCols; f++) {
    const column = codes.subarray(f * nRows, (f + 1) * nRows);
    codeColumn(X.data, f * nRows, nRows, thresholds[f], column);
    columns.push(column);
  }
  return { nRows, nFeatures: nCols, columns, nBins, binStart };
}

/**
 * Cut points between value bins, ascending. With at most maxBins distinct values every value gets
 * its own bin, so every scikit-learn CART candidate split is available; otherwise cuts fall where
 * the running count crosses each 1/maxBins quantile, and a value never straddles two bins.
 */
export function binThresholds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  const nDistinct = countDistinct(sorted);
  const cuts: number[] = [];
  let nextTarget = n / maxBins;
  for (let i = 0; i < n - 1; i++) {
    if (sorted[i] === sorted[i + 1]) continue;
    const countBelowCut = i + 1;
    if (nDistinct <= maxBins || countBelowCut >= nextTarget) {
      cuts.push(midpointThreshold(sorted[i], sorted[i + 1]));
      nextTarget = (Math.floor((countBelowCut * maxBins) / n) + 1) * (n / maxBins);
      if (cuts.length === maxBins - 1) break;
    }
  }
  return Float64Array.from(cuts);
}

function countDistinct(sorted: Float64Array): number {
  let count = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/** Every row, or a random subset when the table is large enough that a sample places quantiles as well. */
function quantileSampleRows(nRows: number, rng: Random): Uint32Array | null {
  if (nRows <= QUANTILE_SAMPLE_ROWS) return null;
  const rows = new Uint32Array(nRows);
  for (let i = 0; i < nRows; i++) rows[i] = i;
  // A partial Fisher-Yates: only the first QUANTILE_SAMPLE_ROWS positions need to be random.
  for (let i = 0; i < QUANTILE_SAMPLE_ROWS; i++) {
    const j = i + rng.int(nRows - i);
    const tmp = rows[i];
    rows[i] = rows[j];
    rows[j] = tmp;
  }
  return rows.subarray(0, QUANTILE_SAMPLE_ROWS);
}

function sortedPresentValues(X: Matrix, f: number, rows: Uint32Array | null): Float64Array {
  const offset = f * X.nRows;
  const n = rows ? rows.length : X.nRows;
  const values = new Float64Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const v = splitValue(X.data[offset + (rows ? rows[i] : i)]);
    if (!Number.isNaN(v)) values[kept++] = v;
  }
  return values.subarray(0, kept).sort();
}

/** Code of a value = 1 + the number of thresholds strictly below it, so `x <= t` stays on the left. */
function codeColumn(data: Float64Array, offset: number, n: number, thresholds: Float64Array, out: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const v = splitValue(data[offset + i]);
    out[i] = Number.isNaN(v) ? MISSING_BIN : MISSING_BIN + 1 + countBelow(thresholds, v);
  }
}

function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
