import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrixFromRows, rowOf, takeRows } from '../core/matrix.js';
import { NotFittedError } from '../estimator/errors.js';
import type { ParityDataset } from '../../../test/helpers/ml/parity-dataset.js';
import { StandardScaler } from './standard-scaler.js';

interface ScaledCase {
  name: string;
  dataset: string;
  scale: string;
  scaler: { mean: number[]; scale: number[] } | null;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/linear-logistic.json', import.meta.url), 'utf8'),
) as { datasets: Record<string, ParityDataset>; cases: ScaledCase[] };

describe('StandardScaler', () => {
  const scaled = fixture.cases.filter((c) => c.scaler !== null);

  it.each(scaled.map((c) => [c.name, c] as const))('matches scikit-learn mean_ and scale_ exactly (%s)', (_, c) => {
    const dataset = fixture.datasets[c.dataset];
    const XTrain = takeRows(matrixFromRows(dataset.X), dataset.train);
    const { mean, scale } = new StandardScaler().fit(XTrain).toState();
    // Same additions in the same order as numpy's column sums: equal to the last bit.
    expect(Array.from(mean)).toEqual(c.scaler!.mean);
    expect(Array.from(scale)).toEqual(c.scaler!.scale);
  });

  it('centres to mean 0 and population std 1, and keeps constant columns at scale 1', () => {
    const X = matrixFromRows([
      [1, 5, 0],
      [2, 5, 10],
      [3, 5, 20],
      [6, 5, 30],
    ]);
    const scaler = new StandardScaler().fit(X);
    const Z = scaler.transform(X);
    expect(Array.from(scaler.toState().mean)).toEqual([3, 5, 15]);
    expect(scaler.toState().scale[1]).toBe(1);
    for (const c of [0, 2]) {
      const column = Array.from(Z.data.subarray(c * 4, c * 4 + 4));
      const mean = column.reduce((a, b) => a + b) / 4;
      const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / 4;
      expect(mean).toBeCloseTo(0, 15);
      expect(variance).toBeCloseTo(1, 14);
    }
    expect(rowOf(Z, 0)[1]).toBe(0);
  });

  it('round-trips through its state and refuses to work unfitted', () => {
    const X = matrixFromRows([
      [1, 2],
      [3, 7],
    ]);
    const scaler = new StandardScaler().fit(X);
    const restored = StandardScaler.fromState(scaler.toState());
    expect(restored.transform(X)).toEqual(scaler.transform(X));
    expect(() => new StandardScaler().transform(X)).toThrow(NotFittedError);
    expect(() => scaler.transform(matrixFromRows([[1, 2, 3]]))).toThrow(RangeError);
  });
});
