import { describe, expect, it } from 'vitest';
import { runMetrics } from '../../testing/builders.js';
import { hyperparameterRows, metricRows, trainingRows } from './compare-rows.js';

const RUNS = [
  runMetrics('a', { accuracy: 0.9, rmse: null }, { n_estimators: 100, max_depth: null, criterion: 'gini' }),
  runMetrics('b', { accuracy: 0.95, rmse: 2 }, { n_estimators: 100, max_depth: 3, criterion: 'gini', C: 1 }),
  runMetrics('c', { accuracy: 0.95, rmse: 3 }, { n_estimators: 10, max_depth: 3, criterion: 'gini' }),
];

describe('compare rows', () => {
  it('marks the best value of each metric, ties shared, and nothing when every run ties', () => {
    expect(metricRows(RUNS).map(({ key, values, best }) => ({ key, values, best }))).toEqual([
      { key: 'accuracy', values: [0.9, 0.95, 0.95], best: [1, 2] },
      { key: 'rmse', values: [null, 2, 3], best: [1] },
    ]);
    expect(metricRows([RUNS[0], RUNS[0]])[0].best).toEqual([]);
  });

  it('highlights a setting only when every run has it and they disagree', () => {
    expect(hyperparameterRows(RUNS).map(({ key, values, differs }) => ({ key, values, differs }))).toEqual([
      { key: 'n_estimators', values: [100, 100, 10], differs: true },
      { key: 'max_depth', values: [null, 3, 3], differs: true },
      { key: 'criterion', values: ['gini', 'gini', 'gini'], differs: false },
      { key: 'C', values: [undefined, 1, undefined], differs: false },
    ]);
  });

  it('formats sizes and time, with a dash where the run has none', () => {
    expect(trainingRows(RUNS.slice(0, 1)).map(({ label, values }) => [label, values[0]])).toEqual([
      ['Training time (fitting only)', '500 ms'],
      ['Training rows', '120'],
      ['Test rows', undefined],
      ['Features', '4'],
    ]);
  });
});
