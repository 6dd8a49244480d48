import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rowOf, type Matrix } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import { decodeState, encodeState } from '../estimator/state-codec.js';
import type { InputColumn, InputKind } from './input-column.js';
import { TabularPreprocessor, type PreprocessingOptions } from './tabular-preprocessor.js';

type Cell = number | string | null;
interface MixedFixture {
  columns: { name: string; kind: InputKind }[];
  train: Record<string, Cell[]>;
  test: Record<string, Cell[]>;
  cases: {
    options: { numeric_imputation: 'mean' | 'median' | 'constant'; numeric_fill_value: number; categorical_imputation: 'most_frequent' | 'constant'; categorical_fill_value: string; scaling: 'standard' | 'none' };
    featureNames: string[];
    train: number[][];
    test: number[][];
  }[];
}

const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/parity/preprocessing.json', import.meta.url), 'utf8')) as { mixed: MixedFixture };
const mixed = fixture.mixed;
const names = mixed.columns.map((c) => c.name);

/** JSON cells to input columns: categories dictionary-encoded in order of appearance, null as missing. */
function inputs(cells: Record<string, Cell[]>): InputColumn[] {
  return mixed.columns.map(({ name, kind }): InputColumn => {
    const values = cells[name];
    if (kind !== 'categorical') return { kind, values: Float64Array.from(values, (v) => (v === null ? NaN : (v as number))) };
    const categories = [...new Set(values.filter((v): v is string => v !== null))];
    return { kind, categories, codes: Int32Array.from(values, (v) => (v === null ? -1 : categories.indexOf(v as string))) };
  });
}

function options(o: MixedFixture['cases'][number]['options']): PreprocessingOptions {
  return {
    numericImputation: o.numeric_imputation,
    numericFillValue: o.numeric_fill_value,
    categoricalImputation: o.categorical_imputation,
    categoricalFillValue: o.categorical_fill_value,
    scaling: o.scaling,
  };
}

function maxGap(actual: Matrix, expected: number[][]): number {
  expect([actual.nRows, actual.nCols]).toEqual([expected.length, expected[0].length]);
  let gap = 0;
  expected.forEach((row, r) => rowOf(actual, r).forEach((v, c) => (gap = Math.max(gap, Math.abs(v - row[c])))));
  return gap;
}

describe("TabularPreprocessor gives scikit-learn's ColumnTransformer output", () => {
  it.each(mixed.cases.map((c) => [`${c.options.numeric_imputation}/${c.options.categorical_imputation}/${c.options.scaling}`, c] as const))(
    '%s',
    (_label, c) => {
      const preprocessor = new TabularPreprocessor(options(c.options)).fit(names, inputs(mixed.train));
      expect(preprocessor.featureNames).toEqual(c.featureNames);
      // Means, medians and scales are the same sums in another order: rounding only (values are O(1)).
      expect(maxGap(preprocessor.transform(inputs(mixed.train)), c.train)).toBeLessThan(1e-12);
      // The test rows hold "purple", unseen in training: all zeros, like handle_unknown="ignore".
      expect(maxGap(preprocessor.transform(inputs(mixed.test)), c.test)).toBeLessThan(1e-12);
    },
  );

  it('maps every encoded feature to its input column', () => {
    const preprocessor = new TabularPreprocessor(options(mixed.cases[0].options)).fit(names, inputs(mixed.train));
    const sources = Array.from(preprocessor.featureSources, (i) => names[i]);
    expect(sources).toEqual(preprocessor.featureNames.map((f) => f.split(/[=.]/)[0]));
  });

  it('round-trips through its saved state and transforms identically', () => {
    const fitted = new TabularPreprocessor(options(mixed.cases[0].options)).fit(names, inputs(mixed.train));
    const restored = TabularPreprocessor.fromState(decodeState(JSON.parse(JSON.stringify(encodeState(fitted.toState())))));
    expect(restored.featureNames).toEqual(fitted.featureNames);
    expect(restored.transform(inputs(mixed.test)).data).toEqual(fitted.transform(inputs(mixed.test)).data);
  });

  it('refuses to transform before fit, and columns of another kind', () => {
    expect(() => new TabularPreprocessor().transform([])).toThrow(NotFittedError);
    const fitted = new TabularPreprocessor().fit(['a'], [{ kind: 'numeric', values: Float64Array.of(1, 2) }]);
    expect(() => fitted.transform([{ kind: 'datetime', values: Float64Array.of(1) }])).toThrow("column 'a' was fitted as numeric but is datetime");
  });

  it('adds the hour only when a datetime carries a time of day', () => {
    const day = Date.UTC(2024, 0, 31);
    const dateOnly = new TabularPreprocessor().fit(['d'], [{ kind: 'datetime', values: Float64Array.of(day) }]);
    expect(dateOnly.featureNames).toEqual(['d.year', 'd.month', 'd.day', 'd.dayofweek', 'd.dayofyear']);
    const withTime = new TabularPreprocessor().fit(['d'], [{ kind: 'datetime', values: Float64Array.of(day, day + 13.5 * 3600_000) }]);
    expect(withTime.featureNames.at(-1)).toBe('d.hour');
    // 2024-01-31 is a Wednesday (2 counting Monday as 0, as pandas does), day 31 of the year.
    expect(rowOf(withTime.transform([{ kind: 'datetime', values: Float64Array.of(day + 13.5 * 3600_000) }]), 0)).toEqual([2024, 1, 31, 2, 31, 13]);
  });
});
