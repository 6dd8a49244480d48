import type { FeatureImportance, ImportanceMethod } from '../ml/index.js';

export interface NamedImportance {
  method: ImportanceMethod;
  /** feature name -> importance in [0, 1] */
  values: Record<string, number>;
  /** feature name -> signed coefficient per class row (linear models only) */
  coefficients?: Record<string, number[]>;
}

/** Attaches feature names to the engine's per-column importances. */
export function namedImportance(importance: FeatureImportance | null, featureNames: string[]): NamedImportance | null {
  if (!importance) return null;
  const values: Record<string, number> = {};
  featureNames.forEach((name, i) => (values[name] = finiteOrZero(importance.values[i])));
  const named: NamedImportance = { method: importance.method, values };
  if (importance.coefficients) {
    const rows = importance.coefficients;
    named.coefficients = Object.fromEntries(featureNames.map((name, i) => [name, rows.map((row) => row[i])]));
  }
  return named;
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
