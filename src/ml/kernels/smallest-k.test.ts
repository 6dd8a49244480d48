import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { smallestK } from './smallest-k.js';

/** Naive reference: stable sort of every position by value, then the first k. */
function smallestKNaive(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, j) => j)
    .sort((a, b) => values[a] - values[b] || a - b)
    .slice(0, k);
}

describe('smallestK', () => {
  it('agrees with a stable full sort, ties included', () => {
    const random = new Random(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + random.int(60);
      const k = 1 + random.int(n);
      // Few distinct values, so ties are everywhere, including across the k-th position.
      const values = Float64Array.from({ length: n + 4 }, () => random.int(6));
      const offset = 4;
      const outValues = new Float64Array(k);
      const outIndices = new Int32Array(k);
      smallestK(n, values, offset, k, outValues, outIndices);
      const expected = smallestKNaive(values.subarray(offset), k);
      expect(Array.from(outIndices)).toEqual(expected);
      expect(Array.from(outValues)).toEqual(expected.map((j) => values[offset + j]));
    }
  });

  it('keeps the earliest positions among equal values', () => {
    const outValues = new Float64Array(2);
    const outIndices = new Int32Array(2);
    smallestK(5, Float64Array.from([1, 0, 1, 0, 1]), 0, 2, outValues, outIndices);
    expect(Array.from(outIndices)).toEqual([1, 3]);
    smallestK(5, Float64Array.from([2, 1, 1, 1, 1]), 0, 2, outValues, outIndices);
    expect(Array.from(outIndices)).toEqual([1, 2]);
  });
});
