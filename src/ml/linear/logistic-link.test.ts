import { describe, expect, it } from 'vitest';
import { binomialGradient, binomialLoss, sigmoid } from './logistic-link.js';

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
});
