import { describe, expect, it } from 'vitest';
import { allFinite } from './finite.js';

describe('allFinite', () => {
  it('rejects NaN and both infinities, only within the strided range', () => {
    expect(allFinite(3, Float64Array.from([0, -1e308, 5e-324]), 0, 1)).toBe(true);
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(allFinite(3, Float64Array.from([1, bad, 2]), 0, 1)).toBe(false);
      expect(allFinite(2, Float64Array.from([1, bad, 2]), 0, 2)).toBe(true);
    }
  });
});
