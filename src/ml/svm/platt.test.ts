import { describe, expect, it } from 'vitest';
import { coupleProbabilities, fitSigmoid, sigmoidProbability } from './platt.js';

describe("Platt's sigmoid and pairwise coupling", () => {
  it('fits a decreasing sigmoid to decision values that separate the labels, with smoothed targets', () => {
    const decision = Float64Array.from([-3, -2, -1.5, -0.5, 0.4, 1, 2.5, 3]);
    const labels = Int8Array.from([-1, -1, -1, -1, 1, 1, 1, 1]);
    const sigmoid = fitSigmoid(decision, labels);
    // P(+1 | f) = 1 / (1 + exp(A f + B)) rises with f, so A < 0; the data are symmetric about 0 apart
    // from 0.4 / -0.5, so B is small.
    expect(sigmoid.A).toBeLessThan(0);
    expect(Math.abs(sigmoid.B)).toBeLessThan(0.5);
    expect(sigmoidProbability(3, sigmoid)).toBeGreaterThan(0.9);
    expect(sigmoidProbability(-3, sigmoid)).toBeLessThan(0.1);
    // The smoothed targets (n+ + 1) / (n+ + 2) keep the fit finite on separable data.
    expect(Number.isFinite(sigmoid.A)).toBe(true);
  });

  it('evaluates the sigmoid without overflow on either side', () => {
    expect(sigmoidProbability(1000, { A: -1, B: 0 })).toBe(1);
    expect(sigmoidProbability(-1000, { A: -1, B: 0 })).toBe(0);
    expect(sigmoidProbability(0, { A: -1, B: 0 })).toBe(0.5);
  });

  it('couples two classes into the pairwise probability itself', () => {
    const p = coupleProbabilities(2, Float64Array.from([0, 0.8, 0.2, 0]));
    // libsvm's iteration stops once the optimality residual is below 0.005 / k, not at the exact point.
    expect(p[0]).toBeCloseTo(0.8, 5);
    expect(p[1]).toBeCloseTo(0.2, 5);
  });

  it('couples consistent pairwise probabilities back into the distribution they came from', () => {
    const truth = [0.5, 0.3, 0.2];
    const r = new Float64Array(9);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) if (a !== b) r[a * 3 + b] = truth[a] / (truth[a] + truth[b]);
    const p = coupleProbabilities(3, r);
    // libsvm stops once every component of Qp is within 0.005 / k of p'Qp: about 1e-3 from the truth.
    p.forEach((value, c) => expect(Math.abs(value - truth[c])).toBeLessThan(2e-3));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
