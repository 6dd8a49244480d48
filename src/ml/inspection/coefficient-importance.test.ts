import { describe, expect, it } from 'vitest';
import { coefficientImportance } from './coefficient-importance.js';

describe('coefficientImportance', () => {
  it('averages |coef| over output rows, skips intercepts and normalises to 1', () => {
    // Two rows of three coefficients, each followed by an intercept (stride 4).
    const packed = Float64Array.from([1, -2, 0, 100, -3, 2, 0, -100]);
    const importance = coefficientImportance(packed, 2, 3, 4);
    expect(importance.method).toBe('coef_');
    expect(Array.from(importance.values)).toEqual([0.5, 0.5, 0]);
    expect(importance.coefficients).toEqual([
      [1, -2, 0],
      [-3, 2, 0],
    ]);
  });

  it('gives all zeros when every coefficient is zero', () => {
    const importance = coefficientImportance(new Float64Array(3), 1, 3, 3);
    expect(Array.from(importance.values)).toEqual([0, 0, 0]);
  });
});
