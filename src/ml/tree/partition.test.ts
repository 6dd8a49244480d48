import { describe, expect, it } from 'vitest';
import { partitionByCode } from './partition.js';

describe('partitionByCode', () => {
  it('sends codes up to the boundary left and the rest right, each side in its original order', () => {
    const codes = Uint8Array.from([5, 1, 3, 0, 4, 2, 9, 3]);
    const indices = Uint32Array.from([9, 7, 6, 5, 4, 3, 2, 1, 0, 8]).map((i) => i % 8);
    // Only the slice [2, 9) moves; the ends stay put.
    const nLeft = partitionByCode(indices, 2, 9, codes, 3, new Uint32Array(10));
    // Slice before: 6 5 4 3 2 1 0 (codes 9 2 4 0 3 1 5).
    expect(nLeft).toBe(4);
    expect(Array.from(indices)).toEqual([1, 7, 5, 3, 2, 1, 6, 4, 0, 0]);
  });
});
