import { InvalidTrainingDataError } from '../ml/index.js';
import type { Column } from '../datasets/table.js';

export interface EncodedLabels {
  /** Class names in encoded order: index i is class i. */
  classes: string[];
  /** Per kept row, its class index. */
  codes: Int32Array;
}

/**
 * Encodes a class target like scikit-learn's LabelEncoder: classes sorted (by value for numbers and
 * booleans, by code point for text), so the positive class of a binary task is the second in that order.
 */
export function encodeLabels(target: Column, rows: Uint32Array): EncodedLabels {
  const keys = classKeys(target, rows);
  const unique = [...new Set(keys)];
  if ('codes' in target) unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  else unique.sort((a, b) => sortValue(a) - sortValue(b));
  return { classes: unique, codes: codesFor(unique, keys) };
}

/** Encodes another data set's target with classes already learnt; a class the training data lacks is an error. */
export function encodeWithClasses(classes: string[], target: Column, rows: Uint32Array): Int32Array {
  const keys = classKeys(target, rows);
  const unknown = [...new Set(keys)].filter((key) => !classes.includes(key));
  if (unknown.length > 0) {
    throw new InvalidTrainingDataError(
      `Target column '${target.name}' of the test dataset has classes the training data lacks: ${unknown.map((k) => `'${k}'`).join(', ')}`,
    );
  }
  return codesFor(classes, keys);
}

/** The class name of each row: the category, the number as JSON writes it, or "true"/"false". */
function classKeys(target: Column, rows: Uint32Array): string[] {
  if ('codes' in target) return Array.from(rows, (r) => target.categories[target.codes[r]]);
  if (target.dtype === 'boolean') return Array.from(rows, (r) => String(target.values[r] === 1));
  return Array.from(rows, (r) => String(target.values[r]));
}

function sortValue(key: string): number {
  return key === 'true' ? 1 : key === 'false' ? 0 : Number(key);
}

function codesFor(classes: string[], keys: string[]): Int32Array {
  const index = new Map(classes.map((name, i) => [name, i]));
  return Int32Array.from(keys, (key) => index.get(key)!);
}
