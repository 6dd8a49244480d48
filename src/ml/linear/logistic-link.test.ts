import { describe, expect, it } from 'vitest';
import { binomialGradient, binomialLoss, sigmoid, softmaxInPlace } from './logistic-link.js';

describe('logistic link', () => {
  it('binomial loss and gradient match the direct formulas where those are safe', () => {
    for (const raw of [-30, -5, -0.5, 0, 0.7, 4, 17.9, 18.1, 30]) {
      for (const y of [0, 1]) {
        const direct = Math.log(1 + Math.exp(raw)) - y * raw;
        // The stable forms use log1p and split at 0 and +-18/37: a few ulps from the direct formula.
        expect(binomialLoss(y, raw)).toBeCloseTo(direct, 12);
        expect(binomialGradient(y, raw)).toBeCloseTo(1 / (1 + Math.exp(-raw)) - y, 15);
      }
    }
  });

  it('stays finite and accurate far in the tails', () => {
    expect(binomialLoss(0, -800)).toBe(0);
    expect(binomialLoss(1, -800)).toBe(800);
    expect(binomialLoss(0, 800)).toBe(800);
    expect(binomialLoss(1, 40)).toBeCloseTo(Math.exp(-40), 30);
    expect(binomialGradient(1, 800)).toBe(0);
    expect(binomialGradient(0, -800)).toBe(0);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });

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
});
