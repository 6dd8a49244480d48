import { describe, expect, it } from 'vitest';
import { compareMetric, keyMetric, metricInfo, metricNamesOf } from './metrics.js';

describe('metrics', () => {
  it('ranks higher-is-better and lower-is-better metrics, missing values last', () => {
    const accuracy = metricInfo('accuracy');
    const rmse = metricInfo('rmse');
    expect([0.5, null, 0.9, undefined, 0.7].sort((a, b) => compareMetric(accuracy, a, b))).toEqual([0.9, 0.7, 0.5, null, undefined]);
    expect([2.5, null, 0.3, 1].sort((a, b) => compareMetric(rmse, a, b))).toEqual([0.3, 1, 2.5, null]);
  });

  it('names the key metric of each task type', () => {
    expect(['classification', 'regression', 'clustering', 'ranking'].map((task) => keyMetric(task)?.name ?? null)).toEqual([
      'accuracy',
      'r2',
      'silhouette_score',
      null,
    ]);
  });

  it('lists metrics in reading order, unknown ones last under their own name', () => {
    expect(metricNamesOf([{ r2: 1, mae: 2, log_loss: 0.3 }, null, { mse: 4, accuracy: 0.9 }])).toEqual(['accuracy', 'r2', 'mae', 'mse', 'log_loss']);
    expect(metricInfo('log_loss')).toEqual({ name: 'log_loss', label: 'log loss', higherIsBetter: true, hint: 'log_loss' });
  });
});
