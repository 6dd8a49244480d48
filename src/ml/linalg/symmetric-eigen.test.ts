import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { symmetricEigen } from './symmetric-eigen.js';

function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = new Random(seed);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = rng.normal();
  return A;
}

describe('symmetric eigensolver', () => {
  it('solves a 2 x 2 by hand: [[2, 1], [1, 2]] has 1 and 3', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0] + vectors[1])).toBeLessThan(1e-14);
    expect(Math.abs(vectors[2] - vectors[3])).toBeLessThan(1e-14);
  });

  it('A v = lambda v with orthonormal vectors, ascending values, against a naive residual check', () => {
    for (const n of [1, 3, 17, 60]) {
      const A = randomSymmetric(n, n);
      const { values, vectors } = symmetricEigen(A, n);
      for (let j = 1; j < n; j++) expect(values[j]).toBeGreaterThanOrEqual(values[j - 1]);
      let trace = 0;
      for (let i = 0; i < n; i++) trace += A[i * n + i];
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(trace, 9);
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          let Av = 0;
          for (let k = 0; k < n; k++) Av += A[i * n + k] * vectors[j * n + k];
          expect(Math.abs(Av - values[j] * vectors[j * n + i])).toBeLessThan(1e-10);
        }
        for (let other = j; other < n; other++) {
          let dot = 0;
          for (let k = 0; k < n; k++) dot += vectors[j * n + k] * vectors[other * n + k];
          expect(Math.abs(dot - (other === j ? 1 : 0))).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('handles diagonal and repeated eigenvalues', () => {
    const { values } = symmetricEigen(Float64Array.of(5, 0, 0, 0, 1, 0, 0, 0, 5), 3);
    expect(Array.from(values)).toEqual([1, 5, 5]);
  });
});

describe('Lanczos against the dense solver', () => {
  it('finds the k largest eigenpairs of a random symmetric matrix, and of one with a repeated top eigenvalue', async () => {
    const { largestEigenpairs } = await import('./lanczos.js');
    const n = 80;
    const A = randomSymmetric(n, 7);
    // A block with the top eigenvalue twice: Lanczos from one start vector must restart to see both.
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) B[i * n + i] = i < 2 ? 10 : i / n;
    for (const M of [A, B]) {
      const dense = symmetricEigen(M, n);
      const apply = (x: Float64Array, y: Float64Array) => {
        for (let i = 0; i < n; i++) {
          let total = 0;
          for (let j = 0; j < n; j++) total += M[i * n + j] * x[j];
          y[i] = total;
        }
      };
      const { values, vectors } = largestEigenpairs(apply, n, 4);
      for (let j = 0; j < 4; j++) {
        expect(values[j]).toBeCloseTo(dense.values[n - 1 - j], 10);
        // Residual ||M v - lambda v||, whatever basis a repeated eigenvalue's space gets.
        const v = vectors.subarray(j * n, (j + 1) * n);
        const Mv = new Float64Array(n);
        apply(v, Mv);
        let residual = 0;
        for (let i = 0; i < n; i++) residual += (Mv[i] - values[j] * v[i]) ** 2;
        expect(Math.sqrt(residual)).toBeLessThan(1e-9);
      }
    }
  });
});
