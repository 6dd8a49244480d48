import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks.js';

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(0, 0.4567)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(niceTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 0.177)).toEqual([0, 0.05, 0.1, 0.15, 0.2]);
    expect(niceTicks(0, 366.4)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(0, 2944)).toEqual([0, 1000, 2000, 3000]);
  });

  it('extends below zero for negative values', () => {
    expect(niceTicks(-0.35, 0.8)).toEqual([-0.5, 0, 0.5, 1]);
  });

  it('gives an empty range a unit axis', () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
});
