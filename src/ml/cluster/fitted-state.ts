import { createMatrix, type Matrix } from '../core/matrix.js';
import type { ModelState, StateValue } from '../estimator/model-state.js';

/** A matrix in a saved state: its shape beside its column-major cells. */
export function matrixState(m: Matrix): { [key: string]: StateValue } {
  return { n_rows: m.nRows, n_cols: m.nCols, data: m.data };
}

/**
 * Typed reads from a saved model's fitted state: a missing or mistyped field names itself, so a
 * damaged model file fails with a clear message instead of a wrong prediction.
 */
export class FittedStateReader {
  constructor(private readonly state: ModelState) {}

  number(key: string): number {
    return this.expect(key, (v): v is number => typeof v === 'number', 'a number');
  }

  /** A number saved as null because JSON has no infinities; `whenNull` stands in for it. */
  numberOr(key: string, whenNull: number): number {
    return this.state.fitted[key] === null ? whenNull : this.number(key);
  }

  boolean(key: string): boolean {
    return this.expect(key, (v): v is boolean => typeof v === 'boolean', 'true or false');
  }

  choice<T extends string>(key: string, options: readonly T[]): T {
    return this.expect(key, (v): v is T => typeof v === 'string' && (options as readonly string[]).includes(v), `one of ${options.join(', ')}`);
  }

  float64(key: string): Float64Array {
    return this.expect(key, (v): v is Float64Array => v instanceof Float64Array, 'a Float64Array');
  }

  /** A matrix saved with matrixState(). */
  matrix(key: string): Matrix {
    const value = this.state.fitted[key] as { [field: string]: StateValue } | undefined;
    const { n_rows: nRows, n_cols: nCols, data } = value ?? {};
    if (typeof nRows !== 'number' || typeof nCols !== 'number' || !(data instanceof Float64Array) || data.length !== nRows * nCols) {
      throw new Error(`${this.state.modelType} state: '${key}' should be a matrix {n_rows, n_cols, data}`);
    }
    return createMatrix(nRows, nCols, data);
  }

  optionalFloat64(key: string): Float64Array | null {
    return this.state.fitted[key] === null ? null : this.float64(key);
  }

  optionalString(key: string): string | null {
    const value = this.state.fitted[key];
    return value === null ? null : this.expect(key, (v): v is string => typeof v === 'string', 'a string or null');
  }

  int32(key: string): Int32Array {
    return this.expect(key, (v): v is Int32Array => v instanceof Int32Array, 'an Int32Array');
  }

  private expect<T extends StateValue>(key: string, is: (value: StateValue) => value is T, kind: string): T {
    const value = this.state.fitted[key];
    if (value === undefined || !is(value)) {
      throw new Error(`${this.state.modelType} state: '${key}' should be ${kind}`);
    }
    return value;
  }
}
