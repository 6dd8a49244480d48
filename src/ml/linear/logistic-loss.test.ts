import { describe, expect, it } from 'vitest';
import { createMatrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { logisticObjective, logisticWeightCount, type LogisticProblem } from './logistic-loss.js';

function randomProblem(nClasses: number, fitIntercept: boolean, seed: number): LogisticProblem {
  const random = new Random(seed);
  const [n, p] = [40, 3];
  const X = createMatrix(n, p, Float64Array.from({ length: n * p }, () => random.normal()));
  return {
    X,
    y: Int32Array.from({ length: n }, () => random.int(nClasses)),
    nClasses,
    sampleWeight: Float64Array.from({ length: n }, () => 0.5 + random.next()),
    l2: 0.7,
    fitIntercept,
  };
}

describe('logisticObjective', () => {
  it.each([
    [2, true],
    [2, false],
    [4, true],
    [4, false],
  ])('has the gradient of its value (%i classes, intercept %s)', (nClasses, fitIntercept) => {
    const problem = randomProblem(nClasses, fitIntercept, nClasses * 10 + Number(fitIntercept));
    const objective = logisticObjective(problem);
    const random = new Random(5);
    const w = Float64Array.from({ length: logisticWeightCount(problem) }, () => random.normal());
    const gradient = new Float64Array(w.length);
    objective(w, gradient);
    const scratch = new Float64Array(w.length);
    const h = 1e-6;
    for (let i = 0; i < w.length; i++) {
      const plus = Float64Array.from(w);
      const minus = Float64Array.from(w);
      plus[i] += h;
      minus[i] -= h;
      const numeric = (objective(plus, scratch) - objective(minus, scratch)) / (2 * h);
      // Central differences are accurate to O(h^2) plus rounding of about eps * f / h.
      expect(Math.abs(gradient[i] - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('is the weighted log-loss plus half the l2 penalty, intercepts unpenalised', () => {
    const problem = { ...randomProblem(2, true, 1), l2: 2 };
    const w = Float64Array.from([0, 0, 0, 5]);
    // Only the intercept is non-zero: no penalty, and every row has decision 5.
    let expected = 0;
    problem.y.forEach((label, i) => {
      expected += problem.sampleWeight[i] * (Math.log(1 + Math.exp(5)) - label * 5);
    });
    expect(logisticObjective(problem)(w, new Float64Array(4))).toBeCloseTo(expected, 10);
    const penalised = Float64Array.from([1, -2, 0, 5]);
    expect(logisticObjective(problem)(penalised, new Float64Array(4))).toBeGreaterThan(expected);
  });
});
