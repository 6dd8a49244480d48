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
  /** Per feature, the cut points between value bins: value bin b (code b + 1) holds values in (cuts[b-1], cuts[b]]. */
  readonly cuts: readonly Float64Array[];
  /**
   * Per feature, the threshold a histogram booster puts at each cut: the midpoint of the raw
   * (float64) values on either side, as scikit-learn's HistGradientBoosting and LightGBM bin, seen
   * at splitValue precision; the cut itself between quantile bins. On gridded data a test value
   * may sit exactly on that midpoint (1.7 between 1.6 and 1.8), and only the float64 midpoint
   * sends it the way those libraries do.
   */
  readonly edges: readonly Float64Array[];
  /**
   * Per feature and code, the smallest and largest raw training value in the bin; NaN for the
   * missing bin and for empty bins. Extra trees draw their thresholds between them.
   */
  readonly binMin: readonly Float64Array[];
  readonly binMax: readonly Float64Array[];
}

/** Codes every column of X into at most maxBins value bins plus the missing bin. */
export function binFeatures(X: Matrix, maxBins: number, rng: Random): BinnedFeatures {
  const { nRows, nCols } = X;
  // Shared memory, so the worker threads of a parallel forest read the codes without a copy.
  const codes = new Uint8Array(new SharedArrayBuffer(nRows * nCols));
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
  const binMin: Float64Array[] = [];
  const binMax: Float64Array[] = [];
  for (let f = 0; f < nCols; f++) {
    const column = codes.subarray(f * nRows, (f + 1) * nRows);
    codeColumn(X.data, f * nRows, nRows, thresholds[f], column);
    columns.push(column);
    binMin.push(new Float64Array(nBins[f]).fill(NaN));
    binMax.push(new Float64Array(nBins[f]).fill(NaN));
    binRanges(X.data, f * nRows, column, binMin[f], binMax[f]);
  }
  const edges = thresholds.map((cuts, f) => binEdges(cuts, binMin[f], binMax[f], nRows <= QUANTILE_SAMPLE_ROWS));
  return { nRows, nFeatures: nCols, columns, nBins, binStart, cuts: thresholds, edges, binMin, binMax };
}

function binRanges(data: Float64Array, offset: number, codes: Uint8Array, min: Float64Array, max: Float64Array): void {
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === MISSING_BIN) continue;
    const v = data[offset + i];
    if (!(v >= min[code])) min[code] = v;
    if (!(v <= max[code])) max[code] = v;
  }
}

/**
 * Where every value has its own bin, the midpoint of the raw values on either side of each cut;
 * the cuts themselves between quantile bins (or when a sample of the rows placed them).
 */
function binEdges(cuts: Float64Array, binMin: Float64Array, binMax: Float64Array, allRows: boolean): Float64Array {
  let exact = allRows;
  for (let code = MISSING_BIN + 1; exact && code < binMin.length; code++) {
    exact = splitValue(binMin[code]) === splitValue(binMax[code]);
  }
  if (!exact) return cuts;
  return cuts.map((_, b) => splitValue((binMax[b + 1] + binMin[b + 2]) / 2));
}

/**
 * Cut points between value bins, ascending. With at most maxBins distinct values every value gets
 * its own bin, so every scikit-learn CART candidate split is available; otherwise the cuts are
 * scikit-learn HistGradientBoosting's: the maxBins-quantiles of the values with numpy's 'midpoint'
 * interpolation (repeated values can repeat a cut, leaving a bin empty).
 */
export function binThresholds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  if (countDistinct(sorted) <= maxBins) {
    const cuts: number[] = [];
    for (let i = 0; i < n - 1; i++) if (sorted[i] !== sorted[i + 1]) cuts.push(midpointThreshold(sorted[i], sorted[i + 1]));
    return Float64Array.from(cuts);
  }
  const cuts = new Float64Array(maxBins - 1);
  const step = 100 / maxBins;
  for (let i = 1; i < maxBins; i++) {
    // numpy's arithmetic, so positions that should be whole numbers are whole numbers here too.
    const position = ((i * step) / 100) * (n - 1);
    const below = sorted[Math.floor(position)];
    const above = sorted[Math.ceil(position)];
    cuts[i - 1] = above - (above - below) * 0.5;
  }
  return cuts;
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
