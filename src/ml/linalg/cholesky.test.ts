import { describe, expect, it } from 'vitest';
import { choleskyLower, invertLowerTriangular } from './cholesky.js';

/** Naive reference: C = A B for d x d row-major matrices. */
function multiply(A: Float64Array, B: Float64Array, d: number): Float64Array {
  const C = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) C[i * d + j] += A[i * d + k] * B[k * d + j];
  return C;
}

function transpose(A: Float64Array, d: number): Float64Array {
  return A.map((_, cell) => A[(cell % d) * d + Math.floor(cell / d)]);
}

describe('Cholesky', () => {
  const A = Float64Array.of(4, 12, -16, 12, 37, -43, -16, -43, 98);

  it('factors the textbook example exactly', () => {
    // The classic 3 x 3 example whose factor is [[2,0,0],[6,1,0],[-8,5,3]].
    expect(Array.from(choleskyLower(A, 3)!)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('L L^T gives A back and L^{-1} L gives the identity', () => {
    const L = choleskyLower(A, 3)!;
    multiply(L, transpose(L, 3), 3).forEach((v, i) => expect(v).toBeCloseTo(A[i], 12));
    const identity = multiply(invertLowerTriangular(L, 3), L, 3);
    identity.forEach((v, i) => expect(v).toBeCloseTo(i % 4 === 0 ? 1 : 0, 12));
  });

  it('refuses matrices that are not positive definite', () => {
    expect(choleskyLower(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
    expect(choleskyLower(Float64Array.of(0, 0, 0, 1), 2)).toBeNull();
    expect(choleskyLower(Float64Array.of(Number.NaN), 1)).toBeNull();
  });
});
