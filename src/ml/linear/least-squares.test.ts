import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { leastSquares } from './least-squares.js';

/** Column-major m x n from row arrays. */
function columnMajor(rows: number[][]): Float64Array {
  const m = rows.length;
  const n = rows[0].length;
  return Float64Array.from({ length: m * n }, (_, cell) => rows[cell % m][Math.floor(cell / m)]);
}

/** Naive reference: the normal equations A'A x = A'b by Gauss-Jordan elimination (full rank only). */
function normalEquations(a: Float64Array, m: number, n: number, b: Float64Array): number[] {
  const system = Array.from({ length: n }, (_, i) => {
    const row = Array.from({ length: n + 1 }, () => 0);
    for (let j = 0; j < n; j++) for (let r = 0; r < m; r++) row[j] += a[i * m + r] * a[j * m + r];
    for (let r = 0; r < m; r++) row[n] += a[i * m + r] * b[r];
    return row;
  });
  for (let col = 0; col < n; col++) {
    const pivotRow = system[col];
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const factor = system[i][col] / pivotRow[col];
      for (let j = col; j <= n; j++) system[i][j] -= factor * pivotRow[j];
    }
  }
  return system.map((row, i) => row[n] / row[i]);
}

describe('leastSquares', () => {
  it('matches the normal equations on a well-conditioned overdetermined problem', () => {
    const random = new Random(11);
    const [m, n] = [30, 4];
    const a = Float64Array.from({ length: m * n }, () => random.normal());
    const b = Float64Array.from({ length: m }, () => random.normal());
    const expected = normalEquations(a, m, n, b);
    const { coef, rank } = leastSquares(Float64Array.from(a), m, n, Float64Array.from(b));
    expect(rank).toBe(4);
    // The normal equations square the condition number; on this random design both are near 1e-14.
    coef.forEach((value, j) => expect(value).toBeCloseTo(expected[j], 12));
  });

  it('solves a square system to rounding', () => {
    const a = columnMajor([
      [2, 1],
      [1, 3],
    ]);
    const { coef } = leastSquares(a, 2, 2, Float64Array.from([3, 5]));
    expect(coef[0]).toBeCloseTo(0.8, 14);
    expect(coef[1]).toBeCloseTo(1.4, 14);
  });

  it('splits the weight of a duplicated column evenly: the minimum-norm solution', () => {
    const a = columnMajor([
      [1, 1, 0],
      [2, 2, 1],
      [3, 3, 0],
      [4, 4, 1],
    ]);
    const b = Float64Array.from([2, 5, 6, 9]);
    const { coef, rank } = leastSquares(Float64Array.from(a), 4, 3, Float64Array.from(b));
    expect(rank).toBe(2);
    expect(coef[0]).toBeCloseTo(coef[1], 13);
    // Same fit as the full-rank problem on columns {0, 2}, with column 0's weight halved.
    const reduced = leastSquares(columnMajor([[1, 0], [2, 1], [3, 0], [4, 1]]), 4, 2, Float64Array.from(b));
    expect(coef[0] * 2).toBeCloseTo(reduced.coef[0], 13);
    expect(coef[2]).toBeCloseTo(reduced.coef[1], 13);
  });

  it('returns the minimum-norm interpolant when there are more unknowns than rows', () => {
    // One equation x + 2y + 2z = 9: the smallest solution is (1, 2, 2).
    const { coef, rank } = leastSquares(Float64Array.from([1, 2, 2]), 1, 3, Float64Array.from([9]));
    expect(rank).toBe(1);
    [1, 2, 2].forEach((value, j) => expect(coef[j]).toBeCloseTo(value, 14));
  });

  it('gives zeros for an all-zero design', () => {
    const { coef, rank } = leastSquares(new Float64Array(6), 3, 2, Float64Array.from([1, 2, 3]));
    expect(rank).toBe(0);
    expect(Array.from(coef)).toEqual([0, 0]);
  });
});
