import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimizeLbfgs, type Objective } from './lbfgs.js';

interface ScipyPath {
  x0: number[];
  nIter: number;
  nEvaluations: number;
  message: string;
  x: number[];
  valuePerIteration: number[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/parity/linear-logistic.json', import.meta.url), 'utf8'),
) as { lbfgs: ScipyPath[] };

/** The extended Rosenbrock function, scipy.optimize.rosen, with its gradient. */
const rosenbrock: Objective = (x, gradient) => {
  gradient.fill(0);
  let value = 0;
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    value += 100 * a * a + b * b;
    gradient[i] += -400 * x[i] * a - 2 * b;
    gradient[i + 1] += 200 * a;
  }
  return value;
};

describe('minimizeLbfgs', () => {
  it.each(fixture.lbfgs.map((path) => [path.x0.length, path] as const))(
    "retraces scipy's L-BFGS-B path on the %i-dimensional Rosenbrock function",
    (_, path) => {
      let evaluations = 0;
      let lastValue = 0;
      const values: number[] = [];
      const result = minimizeLbfgs(
        (x, gradient) => {
          evaluations++;
          lastValue = rosenbrock(x, gradient);
          return lastValue;
        },
        Float64Array.from(path.x0),
        { maxIter: 15000, gtol: 1e-5, onIteration: () => values.push(lastValue) },
      );
      // Same iterations, same function evaluations, same stopping test: the same algorithm.
      expect(result.nIter).toBe(path.nIter);
      expect(evaluations).toBe(path.nEvaluations);
      expect(path.message).toMatch(/REL_REDUCTION_OF_F/);
      expect(result.status).toBe('decrease');
      // Not bit-exact: Fortran's BLAS rounds its dot products differently, and those last-bit
      // differences grow along a 36-88 step path; early values agree to a few ulps.
      values.slice(0, 10).forEach((value, i) => {
        expect(Math.abs(value - path.valuePerIteration[i])).toBeLessThanOrEqual(1e-12 * path.valuePerIteration[i]);
      });
      result.x.forEach((value, i) => expect(Math.abs(value - path.x[i])).toBeLessThan(1e-6));
    },
  );

  it('solves a quadratic and reports the gradient test', () => {
    // f(x) = sum_i (i + 1) (x_i - i)^2: minimum at x_i = i.
    const quadratic: Objective = (x, gradient) => {
      let value = 0;
      for (let i = 0; i < x.length; i++) {
        value += (i + 1) * (x[i] - i) ** 2;
        gradient[i] = 2 * (i + 1) * (x[i] - i);
      }
      return value;
    };
    const result = minimizeLbfgs(quadratic, new Float64Array(6), { maxIter: 100, gtol: 1e-9, ftol: 0 });
    expect(result.status).toBe('gradient');
    result.x.forEach((value, i) => expect(value).toBeCloseTo(i, 9));
  });

  it('stops before iterating when the start is already optimal', () => {
    const result = minimizeLbfgs((x, gradient) => (gradient.fill(0), 0), new Float64Array(3), { maxIter: 10, gtol: 0 });
    expect(result).toMatchObject({ nIter: 0, status: 'gradient' });
  });

  it("counts iterations as scipy does: max_iter 0 still takes one step", () => {
    const iterations: number[] = [];
    const result = minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), {
      maxIter: 0,
      gtol: 1e-5,
      onIteration: (iteration) => iterations.push(iteration),
    });
    expect(result).toMatchObject({ nIter: 1, status: 'max_iter' });
    expect(iterations).toEqual([1]);
  });

  it("stops once more evaluations were made than scipy's maxfun allows, after the iteration that crossed it", () => {
    let evaluations = 0;
    const result = minimizeLbfgs(
      (x, gradient) => {
        evaluations++;
        return rosenbrock(x, gradient);
      },
      Float64Array.from([-1.2, 1]),
      { maxIter: 1000, gtol: 1e-5, maxEvaluations: 10 },
    );
    expect(result.status).toBe('max_evaluations');
    expect(evaluations).toBeGreaterThan(10);
    expect(result.nIter).toBeLessThan(10);
  });

  it('gives up cleanly when no step can decrease the function', () => {
    // The reported gradient points the wrong way, so every line search fails.
    const lying: Objective = (x, gradient) => {
      gradient[0] = -1;
      return x[0];
    };
    const result = minimizeLbfgs(lying, Float64Array.from([0]), { maxIter: 50, gtol: 1e-8 });
    expect(result.status).toBe('line_search');
    expect(result.x[0]).toBe(0);
  });
});
