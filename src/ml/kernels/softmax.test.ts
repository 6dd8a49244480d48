import { describe, expect, it } from 'vitest';
import { logSumExp, softmaxInPlace } from './softmax.js';

describe('softmax kernels', () => {
  it('softmax returns probabilities and the log-partition, with no overflow', () => {
    // Two rows of three classes, column-major (stride 2).
    const raw = Float64Array.from([1000, 0, 1001, Math.log(2), 1002, 0]);
    const logPartition = softmaxInPlace(raw, 0, 2, 3);
    const z = Math.exp(-2) + Math.exp(-1) + 1;
    expect(logPartition).toBeCloseTo(1002 + Math.log(z), 10);
    expect(raw[4]).toBeCloseTo(1 / z, 15);
    expect(softmaxInPlace(raw, 1, 2, 3)).toBeCloseTo(Math.log(4), 15);
    expect([raw[1], raw[3], raw[5]]).toEqual([0.25, 0.5, 0.25]);
  });

  it('log-sum-exp agrees with the direct formula, survives huge and -Infinity values', () => {
    const values = Float64Array.from([0.5, -1, 2]);
    expect(logSumExp(3, values, 0, 1)).toBeCloseTo(Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(2)), 14);
    expect(logSumExp(2, Float64Array.from([1000, 1000]), 0, 1)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp(2, Float64Array.from([-Infinity, 0, -Infinity, 3]), 0, 2)).toBe(-Infinity);
    expect(logSumExp(2, Float64Array.from([-Infinity, 3]), 0, 1)).toBe(3);
  });
});
