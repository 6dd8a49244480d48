import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { fromReduced, reducedDistance, reducedDistanceBlock, type DistanceMetric } from './distances.js';

const METRICS: DistanceMetric[] = [
  { kind: 'euclidean', p: 2 },
  { kind: 'manhattan', p: 1 },
  { kind: 'chebyshev', p: 2 },
  { kind: 'minkowski', p: 3 },
  { kind: 'minkowski', p: 0.5 },
];

function randomColumnMajor(random: Random, nRows: number, nCols: number): Float64Array {
  // Rounded to one decimal so that equal coordinates, and so equal distances, actually occur.
  return Float64Array.from({ length: nRows * nCols }, () => Math.round(random.normal() * 10) / 10);
}

describe('distances', () => {
  it('gives the textbook values for one pair', () => {
    const x = Float64Array.from([0, 0, 0]);
    const y = Float64Array.from([1, -2, 2]);
    const distance = (metric: DistanceMetric) => fromReduced(metric, reducedDistance(metric, 3, x, 0, 1, y, 0, 1));
    expect(distance({ kind: 'euclidean', p: 2 })).toBe(3);
    expect(distance({ kind: 'manhattan', p: 1 })).toBe(5);
    expect(distance({ kind: 'chebyshev', p: 2 })).toBe(2);
    expect(distance({ kind: 'minkowski', p: 3 })).toBeCloseTo(Math.cbrt(17), 14);
  });

  it.each(METRICS)('the block kernel equals the pair-by-pair reference exactly (%o)', (metric) => {
    const random = new Random(7);
    const [nA, nB, nFeatures] = [23, 41, 5];
    const a = randomColumnMajor(random, nA, nFeatures);
    const b = randomColumnMajor(random, nB, nFeatures);
    const [start, count] = [3, 17];
    const block = new Float64Array(count * nB);
    reducedDistanceBlock(metric, nFeatures, a, nA, start, count, b, nB, block);
    for (let i = 0; i < count; i++) {
      for (let j = 0; j < nB; j++) {
        // Same additions in the same order: bit-identical, not merely close.
        expect(block[i * nB + j]).toBe(reducedDistance(metric, nFeatures, a, start + i, nA, b, j, nB));
      }
    }
  });
});
