import { MAX_CATEGORIES, type ColumnPlan } from './column-inference.js';
import type { CategoricalColumn, Column, ColumnDtype, NumericColumn, Table } from './table.js';

/** Most frequent values listed in order (top_values) for every column. */
const TOP_VALUES = 10;

export interface ColumnProfile {
  name: string;
  dtype: ColumnDtype;
  n_missing: number;
  n_unique: number;
  /** Numbers: the smallest and largest value; datetimes: the earliest and latest, ISO 8601. */
  min?: number | string | null;
  max?: number | string | null;
  mean?: number | null;
  /** Sample standard deviation (ddof 1, as pandas' describe); null below two values. */
  std?: number | null;
  /**
   * value -> count, built most frequent first; omitted past MAX_CATEGORIES distinct values. As a
   * JSON object it cannot keep that order for integer-like keys ("1", "10"): JavaScript puts them
   * first, ascending. `top_values` is the ordered list.
   */
  value_counts?: Record<string, number>;
  /** The most frequent values, most frequent first, as a list so that the order survives any parser. */
  top_values?: { value: string; count: number }[];
  /** Infinite or overflowing numbers, read as missing (and counted in n_missing). */
  n_non_finite?: number;
  notes?: string[];
}

interface Counted {
  key: string;
  count: number;
}

export function profileTable(table: Table, plans: ColumnPlan[]): ColumnProfile[] {
  return table.columns.map((column, c) => profileColumn(column, plans[c], table.nRows));
}

function profileColumn(column: Column, plan: ColumnPlan, nRows: number): ColumnProfile {
  const counted = 'codes' in column ? countCategories(column) : countValues(column);
  const present = counted.reduce((sum, v) => sum + v.count, 0);
  const profile: ColumnProfile = {
    name: column.name,
    dtype: column.dtype,
    n_missing: nRows - present,
    n_unique: counted.length,
  };
  if (column.dtype === 'numeric') Object.assign(profile, numericSummary(column.values));
  if (column.dtype === 'datetime') Object.assign(profile, datetimeRange(column.values));
  if (counted.length <= MAX_CATEGORIES) profile.value_counts = Object.fromEntries(counted.map((v) => [v.key, v.count]));
  profile.top_values = counted.slice(0, TOP_VALUES).map((v) => ({ value: v.key, count: v.count }));
  if (plan.nNonFinite > 0) profile.n_non_finite = plan.nNonFinite;
  if (plan.notes.length > 0) profile.notes = plan.notes;
  return profile;
}

/** Categories by count, most frequent first; ties keep the order of first appearance. */
function countCategories(column: CategoricalColumn): Counted[] {
  const counts = new Float64Array(column.categories.length);
  for (const code of column.codes) if (code >= 0) counts[code]++;
  return column.categories.map((key, i) => ({ key, count: counts[i] })).sort((a, b) => b.count - a.count);
}

/** Distinct values of a numeric-like column by count (ties in ascending value), found by sorting a copy. */
function countValues(column: NumericColumn): Counted[] {
  const sorted = column.values.filter((v) => !Number.isNaN(v)).sort();
  const runs: { value: number; count: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) runs[runs.length - 1].count++;
    else runs.push({ value: sorted[i], count: 1 });
  }
  const key = (v: number) =>
    column.dtype === 'boolean' ? String(v === 1) : column.dtype === 'datetime' ? new Date(v).toISOString() : String(v);
  return runs.sort((a, b) => b.count - a.count).map((run) => ({ key: key(run.value), count: run.count }));
}

function numericSummary(values: Float64Array): Pick<ColumnProfile, 'min' | 'max' | 'mean' | 'std'> {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    // Welford's update: stable for large, offset values.
    const delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return { min: null, max: null, mean: null, std: null };
  return { min, max, mean, std: n > 1 ? Math.sqrt(m2 / (n - 1)) : null };
}

function datetimeRange(values: Float64Array): Pick<ColumnProfile, 'min' | 'max'> {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? { min: null, max: null } : { min: new Date(min).toISOString(), max: new Date(max).toISOString() };
}
