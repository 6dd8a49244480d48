import type { FeatureImportance, ImportanceMethod } from '../ml/index.js';

export interface NamedImportance {
  method: ImportanceMethod;
  /** input column -> importance in [0, 1]: the sum over the encoded features it became */
  values: Record<string, number>;
  /** encoded feature (`age`, `island=Biscoe`, `date.month`) -> importance in [0, 1] */
  encoded: Record<string, number>;
  /** encoded feature -> the input column it came from */
  encoded_sources: Record<string, string>;
  /** encoded feature -> signed coefficient per class row (linear models only) */
  coefficients?: Record<string, number[]>;
}

export interface EncodedFeatures {
  names: string[];
  /** Per encoded feature, the index of its input column. */
  sources: Int32Array;
  inputNames: readonly string[];
}

/**
 * Names the engine's per-encoded-feature importances and sums them per input column, so a
 * one-hot encoded column is ranked as one (the sum of its parts, still summing to 1 overall).
 */
export function namedImportance(importance: FeatureImportance | null, features: EncodedFeatures): NamedImportance | null {
  if (!importance) return null;
  // Column names are user data: a column called "__proto__" must stay a key, not reach a prototype.
  const values = dictionary<number>();
  for (const name of features.inputNames) values[name] = 0;
  const encoded = dictionary<number>();
  const sources = dictionary<string>();
  features.names.forEach((name, i) => {
    const value = finiteOrZero(importance.values[i]);
    const source = features.inputNames[features.sources[i]];
    encoded[name] = value;
    sources[name] = source;
    values[source] += value;
  });
  const named: NamedImportance = { method: importance.method, values, encoded, encoded_sources: sources };
  if (importance.coefficients) {
    const rows = importance.coefficients;
    named.coefficients = Object.fromEntries(features.names.map((name, i) => [name, rows.map((row) => row[i])]));
  }
  return named;
}

function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
