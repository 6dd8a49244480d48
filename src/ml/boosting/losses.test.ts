import { describe, expect, it } from 'vitest';
import { Random } from '../core/random.js';
import { BinaryLogLoss, MultinomialLogLoss, SquaredErrorLoss, type BoostingLoss } from './losses.js';

const N = 7;

/** Column-major raw scores, nOutputs per row. */
function rawScores(nOutputs: number, seed: number): Float64Array {
  const rng = new Random(seed);
  return Float64Array.from({ length: N * nOutputs }, () => 2 * rng.normal());
}

/** Central differences of n * meanLoss with respect to one raw score. */
function numericGradient(loss: BoostingLoss, target: number[], raw: Float64Array, index: number): number {
  const step = 1e-5;
  const at = (delta: number) => {
    const moved = raw.slice();
    moved[index] += delta;
    return N * loss.meanLoss(target, moved, N);
  };
  return (at(step) - at(-step)) / (2 * step);
}

describe('boosting losses', () => {
  const cases: [string, BoostingLoss, number[]][] = [
    ['squared error', new SquaredErrorLoss(), [0.5, -1, 3, 2.5, 0, 7, -2]],
    ['binary log loss', new BinaryLogLoss(), [0, 1, 1, 0, 1, 0, 0]],
    ['multinomial log loss', new MultinomialLogLoss(3), [0, 2, 1, 1, 0, 2, 2]],
  ];

  for (const [name, loss, target] of cases) {
    it(`${name}: gradients are the derivatives of the loss it reports`, () => {
      const K = loss.nOutputs;
      const raw = rawScores(K, 3);
      const g = new Float32Array(N * K);
      const h = new Float32Array(N * K);
      loss.gradients(target, raw, N, g, h);
      for (let i = 0; i < N; i++) {
        for (let k = 0; k < K; k++) {
          // Float32 gradients: six significant digits.
          expect(g[i * K + k]).toBeCloseTo(numericGradient(loss, target, raw, k * N + i), 5);
          expect(h[i * K + k]).toBeGreaterThan(0);
        }
      }
    });

    it(`${name}: the prior is the best constant score`, () => {
      const K = loss.nOutputs;
      const prior = loss.prior(target);
      const raw = new Float64Array(N * K);
      for (let k = 0; k < K; k++) raw.fill(prior[k], k * N, (k + 1) * N);
      const g = new Float32Array(N * K);
      loss.gradients(target, raw, N, g, new Float32Array(N * K));
      for (let k = 0; k < K; k++) {
        let sum = 0;
        for (let i = 0; i < N; i++) sum += g[i * K + k];
        expect(Math.abs(sum)).toBeLessThan(1e-6);
      }
    });
  }

  it('turns raw scores into probabilities: a sigmoid for two classes, a softmax for more', () => {
    const binary = new BinaryLogLoss().toOutput(Float64Array.of(0, Math.log(3)), 2);
    // Column-major: P(class 0) of both rows, then P(class 1).
    expect(Array.from(binary)).toEqual([0.5, 0.25, 0.5, 0.75].map((p) => expect.closeTo(p, 15)));
    const soft = new MultinomialLogLoss(3).toOutput(Float64Array.of(0, Math.log(2), Math.log(5)), 1);
    expect(Array.from(soft).map((p) => p * 8)).toEqual([1, 2, 5].map((v) => expect.closeTo(v, 12)));
  });

  it('scales softmax hessians as each library does (XGBoost twice scikit-learn)', () => {
    const raw = rawScores(3, 5);
    const target = [0, 1, 2, 0, 1, 2, 0];
    const h1 = new Float32Array(3 * N);
    const h2 = new Float32Array(3 * N);
    new MultinomialLogLoss(3).gradients(target, raw, N, new Float32Array(3 * N), h1);
    new MultinomialLogLoss(3, 2).gradients(target, raw, N, new Float32Array(3 * N), h2);
    h1.forEach((h, i) => expect(h2[i]).toBeCloseTo(2 * h, 6));
  });
});
