import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adjustedRandScore } from './rand-index.js';

interface RandCase {
  name: string;
  labelsTrue: number[];
  labelsPred: number[];
  expected: number;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/metrics.json', import.meta.url), 'utf8'),
) as { adjustedRand: RandCase[] };

describe('adjustedRandScore matches scikit-learn 1.2.1', () => {
  for (const c of fixture.adjustedRand) {
    it(c.name, () => {
      const actual = adjustedRandScore(Int32Array.from(c.labelsTrue), Int32Array.from(c.labelsPred));
      // Pair counts are exact integers; only the final division and products can round differently.
      expect(Math.abs(actual - c.expected)).toBeLessThanOrEqual(1e-12);
    });
  }

  it('ignores how clusters are numbered', () => {
    expect(adjustedRandScore(Int32Array.of(0, 0, 1, 1, -1), Int32Array.of(7, 7, 3, 3, 9))).toBe(1);
  });
});
