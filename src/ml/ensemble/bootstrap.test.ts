import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { bootstrapCounts } from './bootstrap.js';

describe('bootstrapCounts', () => {
  it('draws nDraws rows with replacement, leaving about 1/e of the rows out', () => {
    const counts = bootstrapCounts(new Random(4), 10_000, 10_000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    const outOfBag = counts.filter((c) => c === 0).length / counts.length;
    // Binomial spread around e^-1 = 0.368 for 10 000 rows is about 0.005; 0.02 is four sigma.
    expect(Math.abs(outOfBag - Math.exp(-1))).toBeLessThan(0.02);
  });

  it('is reproducible from the seed', () => {
    expect(bootstrapCounts(new Random(9), 50, 20)).toEqual(bootstrapCounts(new Random(9), 50, 20));
  });
});
