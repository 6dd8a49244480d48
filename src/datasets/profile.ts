import type { Column, ColumnDtype, Table } from './table.js';

/** Classes counted per column up to this many distinct values: enough for any class target. */
const MAX_COUNTED_VALUES = 1000;

export interface ColumnProfile {
  name: string;
  dtype: ColumnDtype;
  n_missing: number;
  n_unique: number;
  min?: number | null;
  max?: number | null;
  mean?: number | null;
  std?: number | null;
  /** value -> count, most frequent first; omitted when the column has more than MAX_COUNTED_VALUES distinct values. */
  value_counts?: Record<string, number>;
}

export function profileTable(table: Table): ColumnProfile[] {
  return table.columns.map(profileColumn);
}

function profileColumn(column: Column): ColumnProfile {
  const counts = new Map<string, number>();
  let missing = 0;
  for (let r = 0; r < column.values.length; r++) {
    const v = column.values[r];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
      missing++;
      continue;
    }
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const profile: ColumnProfile = { name: column.name, dtype: column.dtype, n_missing: missing, n_unique: counts.size };
  if (column.dtype === 'numeric') Object.assign(profile, numericSummary(column.values));
  if (counts.size <= MAX_COUNTED_VALUES) {
    profile.value_counts = Object.fromEntries([...counts.entries()].sort((a, b) => b[1] - a[1]));
  }
  return profile;
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
  return { min, max, mean, std: Math.sqrt(m2 / n) };
}
