import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDuration, formatNumber, formatPercent, formatSetting, modelLabel, secondsBetween } from './format.js';

describe('formatNumber', () => {
  it('keeps four significant digits', () => {
    expect([0.9666666, 0.0933270312242945, 150.5, 5.843333333333333, 1, 0, -0.4567891].map(formatNumber)).toEqual([
      '0.9667',
      '0.09333',
      '150.5',
      '5.843',
      '1',
      '0',
      '-0.4568',
    ]);
  });

  it('groups large numbers and writes tiny ones in scientific notation', () => {
    expect([1234567, 12345.678, 0.0000123, 0.000100, -0.000987654].map(formatNumber)).toEqual(['1,235,000', '12,350', '1.23e-5', '1e-4', '-9.877e-4']);
  });

  it('shows a dash for a missing value and names infinities', () => {
    expect([null, undefined, Number.NaN, Infinity, -Infinity].map(formatNumber)).toEqual(['—', '—', '—', '∞', '−∞']);
  });
});

describe('formatPercent', () => {
  it('keeps at most two decimals and never rounds a share that is there to 0% or 100%', () => {
    expect([0, 0.5814, 2.907, 12.5, 50, 100].map(formatPercent)).toEqual(['0%', '0.58%', '2.91%', '12.5%', '50%', '100%']);
    expect([0.004, 0.01, 99.996].map(formatPercent)).toEqual(['<0.01%', '0.01%', '>99.99%']);
  });
});

describe('formatDuration', () => {
  it('picks the unit a person reads', () => {
    expect([0.000899, 0.1437, 1, 12.345, 75, 3900, 7322].map(formatDuration)).toEqual([
      '0.899 ms',
      '144 ms',
      '1 s',
      '12.3 s',
      '1 min 15 s',
      '1 h 5 min',
      '2 h 2 min',
    ]);
    expect([null, undefined, -1].map(formatDuration)).toEqual(['—', '—', '—']);
  });

  it('measures a run from its timestamps, up to now while it is still going', () => {
    expect(secondsBetween('2026-01-01T00:00:00.000Z', '2026-01-01T00:01:02.500Z')).toBe(62.5);
    expect(secondsBetween('2026-01-01T00:00:00.000Z', null, Date.parse('2026-01-01T00:00:03Z'))).toBe(3);
  });
});

describe('other formats', () => {
  it('sizes, dates, settings and model names', () => {
    expect([12, 3867, 1_048_576, 2_500_000_000].map(formatBytes)).toEqual(['12 B', '3.87 kB', '1.05 MB', '2.5 GB']);
    expect(formatDateTime('not a date')).toBe('—');
    expect([null, 'sqrt', 4294967295, 0.0001, true].map(formatSetting)).toEqual(['None', 'sqrt', '4294967295', '0.0001', 'true']);
    expect(['random_forest_classifier', 'knn_classifier', 'kmeans', 'ada_boost_regressor', 'gaussian_naive_bayes', 'mini_batch_kmeans'].map(modelLabel)).toEqual([
      'Random forest classifier',
      'k-NN classifier',
      'k-means',
      'AdaBoost regressor',
      'Gaussian naive Bayes',
      'Mini batch k-means',
    ]);
  });
});
