import type { Column } from '../datasets/table.js';

export interface EncodedLabels {
  /** Class names in encoded order: index i is class i. */
  classes: string[];
  /** Per kept row, its class index. */
  codes: Int32Array;
}

/**
 * Encodes a class target like scikit-learn's LabelEncoder: classes sorted (numerically for a numeric
 * column, by code point for text), so the positive class of a binary task is the second in that order.
 */
export function encodeLabels(target: Column, rows: Uint32Array): EncodedLabels {
  const keys: string[] = [];
  const numericValue = new Map<string, number>();
  for (const r of rows) {
    const key = target.dtype === 'numeric' ? String(target.values[r]) : (target.values[r] as string);
    keys.push(key);
    if (target.dtype === 'numeric') numericValue.set(key, target.values[r]);
  }
  const unique = [...new Set(keys)];
  if (target.dtype === 'numeric') unique.sort((a, b) => numericValue.get(a)! - numericValue.get(b)!);
  else unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(unique.map((name, i) => [name, i]));
  const codes = new Int32Array(keys.length);
  keys.forEach((k, i) => (codes[i] = index.get(k)!));
  return { classes: unique, codes };
}
