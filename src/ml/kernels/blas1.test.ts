import { describe, expect, it } from 'vitest';
import { axpy, dot, maxAbs, scal, sum } from './blas1.js';

// A 3 x 2 column-major matrix [[1, 4], [2, 5], [3, 6]]: columns are stride 1, rows stride 3.
const matrix = Float64Array.from([1, 2, 3, 4, 5, 6]);

describe('level-1 kernels', () => {
  it('dot walks columns and rows through offset and stride', () => {
    expect(dot(3, matrix, 0, 1, matrix, 3, 1)).toBe(1 * 4 + 2 * 5 + 3 * 6);
    expect(dot(2, matrix, 1, 3, matrix, 1, 3)).toBe(2 * 2 + 5 * 5);
    expect(dot(0, matrix, 0, 1, matrix, 0, 1)).toBe(0);
  });

  it('axpy adds a scaled vector in place, leaving other cells alone', () => {
    const y = Float64Array.from([10, 20, 30, 40]);
    axpy(2, 0.5, matrix, 3, 1, y, 1, 2);
    expect(Array.from(y)).toEqual([10, 22, 30, 42.5]);
  });

  it('scal, sum and maxAbs', () => {
    const x = Float64Array.from([1, -7, 3, 2]);
    expect(sum(4, x, 0, 1)).toBe(-1);
    expect(maxAbs(4, x, 0, 1)).toBe(7);
    expect(maxAbs(2, x, 0, 2)).toBe(3);
    scal(2, -2, x, 1, 2);
    expect(Array.from(x)).toEqual([1, 14, 3, -4]);
  });
});
