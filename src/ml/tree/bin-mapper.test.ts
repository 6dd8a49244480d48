import { describe, expect, it } from 'vitest';
import { createMatrix } from '../core/matrix.js';
import { Random } from '../core/random.js';
import { MISSING_BIN, binFeatures, binThresholds } from './bin-mapper.js';
import { midpointThreshold, separatesBins } from './threshold.js';

function oneColumn(values: number[]) {
  return createMatrix(values.length, 1, Float64Array.from(values));
}

describe('binFeatures', () => {
  it('gives every distinct value its own bin when there are at most max_bins, missing in bin 0', () => {
    const binned = binFeatures(oneColumn([3, 1, 2, 2, 5, 1, NaN, 3]), 255, new Random(0));
    expect(Array.from(binned.columns[0])).toEqual([3, 1, 2, 2, 4, 1, MISSING_BIN, 3]);
    expect(binned.nBins[0]).toBe(5);
    expect(Array.from(binned.binStart)).toEqual([0, 5]);
  });

  it('cuts exactly at the CART midpoints between consecutive distinct values', () => {
    const sorted = Float64Array.of(0.5, 1.25, 1.25, 4, 10);
    expect(Array.from(binThresholds(sorted, 255))).toEqual([
      midpointThreshold(0.5, 1.25),
      midpointThreshold(1.25, 4),
      midpointThreshold(4, 10),
    ]);
  });

  it('orders codes like values and keeps equal values together, in both regimes', () => {
    const rng = new Random(3);
    const values = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? 7 : Math.round(rng.normal() * 1000) / 10));
    for (const maxBins of [255, 16]) {
      const codes = binFeatures(oneColumn(values), maxBins, new Random(1)).columns[0];
      const codeOf = new Map<number, number>();
      for (let i = 0; i < values.length; i++) {
        expect(codeOf.get(values[i]) ?? codes[i]).toBe(codes[i]);
        codeOf.set(values[i], codes[i]);
      }
      const byValue = [...codeOf.entries()].sort((a, b) => a[0] - b[0]).map(([, code]) => code);
      for (let i = 1; i < byValue.length; i++) expect(byValue[i]).toBeGreaterThanOrEqual(byValue[i - 1]);
      expect(Math.max(...byValue)).toBeLessThanOrEqual(maxBins);
    }
  });

  it('falls back to quantile bins of about equal size above max_bins', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const binned = binFeatures(oneColumn(values), 10, new Random(0));
    expect(binned.nBins[0]).toBe(11);
    const counts = new Array<number>(11).fill(0);
    for (const code of binned.columns[0]) counts[code]++;
    expect(counts).toEqual([0, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
  });

  it('gives a heavy repeated value a bin of its own instead of splitting it', () => {
    const values = [...new Array<number>(500).fill(0), ...Array.from({ length: 500 }, (_, i) => i + 1)];
    const codes = binFeatures(oneColumn(values), 10, new Random(0)).columns[0];
    expect(new Set(Array.from(codes.subarray(0, 500))).size).toBe(1);
    expect(codes[500]).toBeGreaterThan(codes[0]);
  });

  it('tells from the bins alone when a preferred threshold separates a split, and is unsure otherwise', () => {
    // Codes: missing 0, 1 -> 1, 2 -> 2, 4 -> 3, 4.5 -> 4.
    const binned = binFeatures(oneColumn([1, 2, 2, 4, 4.5, NaN]), 255, new Random(0));
    expect(separatesBins(binned, 0, 2, 3)).toBe(true);
    expect(separatesBins(binned, 0, 2, 2)).toBe(true);
    // On the smallest value to the right, or short of the largest to the left: the node's values decide.
    expect(separatesBins(binned, 0, 2, 4)).toBe(false);
    expect(separatesBins(binned, 0, 2, 1.5)).toBe(false);
    // No preferred threshold (CART places its own), or only missing values on the left.
    expect(separatesBins(binned, 0, 2, NaN)).toBe(false);
    expect(separatesBins(binned, 0, MISSING_BIN, -Infinity)).toBe(false);
  });
});
