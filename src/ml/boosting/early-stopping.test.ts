import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { NoImprovementStop } from './early-stopping.js';
import { sampleColumns, sampleRows } from './sampling.js';

describe('NoImprovementStop (scikit-learn HistGradientBoosting\'s _should_stop)', () => {
  it('stops once the last n scores all fail to beat the one before them by more than tol', () => {
    const stop = new NoImprovementStop(2, 0.1);
    // The first score is the baseline's; with n = 2 the rule needs three scores to judge.
    expect([-5, -4, -3.95, -3.92].map((s) => stop.record(s))).toEqual([false, false, false, true]);
  });

  it('keeps going while one of the recent scores improves enough', () => {
    const stop = new NoImprovementStop(2, 0.1);
    expect([-5, -4, -3.95, -3.8, -3.79, -3.75].map((s) => stop.record(s))).toEqual([false, false, false, false, false, true]);
  });
});

describe('row and column sampling', () => {
  it('keeps exactly floor(fraction * n) rows for exact sampling, and about that many for Bernoulli', () => {
    const weights = new Float64Array(1000);
    sampleRows(new Random(1), { fraction: 0.37, method: 'exact', every: 1 }, weights);
    expect(weights.reduce((a, b) => a + b, 0)).toBe(370);
    expect(weights.every((w) => w === 0 || w === 1)).toBe(true);
    sampleRows(new Random(1), { fraction: 0.37, method: 'bernoulli', every: 1 }, weights);
    // Binomial(1000, 0.37): standard deviation ~15.
    expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 370)).toBeLessThan(60);
  });

  it('draws distinct columns, at least one', () => {
    const out = new Uint32Array(10);
    const count = sampleColumns(new Random(2), 10, 0.45, out);
    expect(count).toBe(4);
    expect(new Set(out.subarray(0, count)).size).toBe(4);
    expect(sampleColumns(new Random(2), 10, 0.01, out)).toBe(1);
    expect(sampleColumns(new Random(2), 10, 1, out)).toBe(10);
  });
});
