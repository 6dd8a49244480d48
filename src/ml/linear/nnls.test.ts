import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { leastSquares } from './least-squares.js';
import { nonNegativeLeastSquares } from './nnls.js';

describe('nonNegativeLeastSquares', () => {
  it('equals plain least squares when that solution is already non-negative', () => {
    const a = Float64Array.from([1, 0, 1, 0, 1, 1]);
    const b = Float64Array.from([1, 2, 3]);
    const free = leastSquares(Float64Array.from(a), 3, 2, Float64Array.from(b)).coef;
    expect(Math.min(...free)).toBeGreaterThan(0);
    const constrained = nonNegativeLeastSquares(a, 3, 2, b);
    free.forEach((value, j) => expect(constrained[j]).toBeCloseTo(value, 14));
  });

  it('clamps a variable that wants to be negative and refits the rest', () => {
    // b = 2 * col0 - col1 exactly; with x1 >= 0 the best is x1 = 0 and x0 = (col0 . b) / (col0 . col0).
    const col0 = [1, 2, 3];
    const col1 = [1, 0, 1];
    const b = col0.map((v, i) => 2 * v - col1[i]);
    const x = nonNegativeLeastSquares(Float64Array.from([...col0, ...col1]), 3, 2, Float64Array.from(b));
    expect(x[1]).toBe(0);
    expect(x[0]).toBeCloseTo((1 * 1 + 2 * 4 + 3 * 5) / 14, 14);
  });

  it('satisfies the optimality (KKT) conditions on random problems', () => {
    const random = new Random(2);
    for (let trial = 0; trial < 20; trial++) {
      const [m, n] = [25, 8];
      const a = Float64Array.from({ length: m * n }, () => random.normal());
      const b = Float64Array.from({ length: m }, () => random.normal());
      const x = nonNegativeLeastSquares(a, m, n, b);
      const residual = Float64Array.from(b);
      for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) residual[i] -= a[j * m + i] * x[j];
      for (let j = 0; j < n; j++) {
        let w = 0;
        for (let i = 0; i < m; i++) w += a[j * m + i] * residual[i];
        expect(x[j]).toBeGreaterThanOrEqual(0);
        // w = A'(b - Ax) is <= 0 everywhere and 0 on the free variables, up to rounding.
        expect(w).toBeLessThan(1e-10);
        if (x[j] > 0) expect(Math.abs(w)).toBeLessThan(1e-10);
      }
    }
  });
});
