import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meanAbsoluteError, meanSquaredError, r2Score, regressionReport, rootMeanSquaredError } from './regression.js';

interface RegressionCase {
  name: string;
  yTrue: number[];
  yPred: number[];
  expected: { mae: number; mse: number; rmse: number; r2: number | null };
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/metrics.json', import.meta.url), 'utf8'),
) as { regression: RegressionCase[]; r2ConstantDeviation: RegressionCase };

// Not bit-exact: our sums run left to right, numpy's are pairwise.
const RELATIVE_TOLERANCE = 1e-9;

describe('regressionReport matches scikit-learn 1.2.1', () => {
  for (const c of fixture.regression) {
    it(c.name, () => {
      const report = regressionReport(Float64Array.from(c.yTrue), Float64Array.from(c.yPred));
      for (const name of ['mae', 'mse', 'rmse', 'r2'] as const) {
        const expected = c.expected[name];
        if (expected === null) {
          expect(report.metrics[name]).toBeNull();
          expect(report.warnings[name]).toMatch(/fewer than two samples/);
        } else {
          const actual = report.metrics[name] as number;
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected)));
        }
      }
    });
  }

  it('deviates on purpose for a constant y_true whose numpy mean is inexact', () => {
    const c = fixture.r2ConstantDeviation;
    // scikit-learn divides by a rounding-error variance and reports about -5e31.
    expect(c.expected.r2 as number).toBeLessThan(-1e20);
    const report = regressionReport(Float64Array.from(c.yTrue), Float64Array.from(c.yPred));
    expect(report.metrics.r2).toBe(0);
    expect(report.warnings.r2).toMatch(/y_true is constant; R\^2 set to 0\.0/);
  });
});

describe('single regression metrics', () => {
  const yTrue = Float64Array.of(3, -0.5, 2, 7);
  const yPred = Float64Array.of(2.5, 0, 2, 8);

  it('have the textbook values', () => {
    expect(meanAbsoluteError(yTrue, yPred)).toBe(0.5);
    expect(meanSquaredError(yTrue, yPred)).toBe(0.375);
    expect(rootMeanSquaredError(yTrue, yPred)).toBe(Math.sqrt(0.375));
    // scikit-learn's documented example value for these vectors.
    expect(r2Score(yTrue, yPred)).toBeCloseTo(0.9486081370449679, 15);
  });

  it('reject empty or mismatched vectors', () => {
    expect(() => meanAbsoluteError(new Float64Array(0), new Float64Array(0))).toThrow(RangeError);
    expect(() => r2Score(yTrue, yPred.subarray(1))).toThrow(/y_pred has 3/);
  });
});

describe('regression metrics that are not finite numbers', () => {
  it('are null with the overflow named, not "fewer than two samples"', () => {
    const report = regressionReport(Float64Array.of(1e200, -1e200, 3e200), Float64Array.of(-1e200, 1e200, 0));
    expect(report.metrics).toEqual({ mae: expect.any(Number), mse: null, rmse: null, r2: null });
    const overflow = (sums: string) => `not computable: ${sums} overflows the largest double (1.8e308); the target's values are too large, rescale them`;
    expect(report.warnings).toEqual({ mse: overflow('the sum of squared errors'), rmse: overflow('the sum of squared errors'), r2: overflow('the total or residual sum of squares') });
  });

  it('are null with the non-finite predictions counted', () => {
    const report = regressionReport(Float64Array.of(1, 2, 3), Float64Array.of(1, Infinity, NaN));
    const reason = 'not computable: the model predicted 2 non-finite values (infinite or NaN) on the test rows';
    expect(report.metrics).toEqual({ mae: null, mse: null, rmse: null, r2: null });
    expect(report.warnings).toEqual({ mae: reason, mse: reason, rmse: reason, r2: reason });
  });

  it('give R^2 the non-finite reason, not the constant-y_true 0.0, when y_true is constant', () => {
    const report = regressionReport(Float64Array.of(7, 7, 7), Float64Array.of(NaN, NaN, Infinity));
    const reason = 'not computable: the model predicted 3 non-finite values (infinite or NaN) on the test rows';
    expect(report.metrics).toEqual({ mae: null, mse: null, rmse: null, r2: null });
    expect(report.warnings).toEqual({ mae: reason, mse: reason, rmse: reason, r2: reason });
    expect(r2Score(Float64Array.of(7, 7), Float64Array.of(7, NaN))).toBeNaN();
  });
});
