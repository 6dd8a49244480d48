import { describe, expect, it } from 'vitest';
import { LineSearch } from './line-search.js';

/** Runs the search on phi and returns the accepted step with phi and phi' there. */
function search(
  phi: (t: number) => [number, number],
  firstStep: number,
): { step: number; value: number; slope: number } {
  const [f0, g0] = phi(0);
  const lineSearch = new LineSearch();
  lineSearch.start(f0, g0, firstStep, 0, 1e10);
  for (let evaluation = 0; evaluation < 50; evaluation++) {
    const [value, slope] = phi(lineSearch.stp);
    if (lineSearch.next(value, slope) !== 'evaluate') return { step: lineSearch.stp, value, slope };
  }
  throw new Error('line search did not end');
}

describe('LineSearch', () => {
  const cases: Array<[string, (t: number) => [number, number], number]> = [
    ['a parabola, first step too short', (t) => [(t - 3) ** 2, 2 * (t - 3)], 0.01],
    ['a parabola, first step too long', (t) => [(t - 3) ** 2, 2 * (t - 3)], 100],
    ['a quartic with a flat start', (t) => [t ** 4 / 4 - t, t ** 3 - 1], 1e-3],
    ['a non-convex function', (t) => [Math.sin(3 * t) - t / 2, 3 * Math.cos(3 * t) - 0.5], 10],
  ];

  it.each(cases)('ends at a step satisfying the strong Wolfe conditions: %s', (_, phi, firstStep) => {
    const [f0, g0] = phi(0);
    const { step, value, slope } = search(phi, firstStep);
    expect(step).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(f0 + 1e-3 * step * g0);
    expect(Math.abs(slope)).toBeLessThanOrEqual(0.9 * Math.abs(g0));
  });
});
