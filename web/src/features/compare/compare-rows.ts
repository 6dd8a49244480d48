import type { RunMetricsBody, TrainingMetadata } from '../../lib/api-types.js';
import { formatDuration, formatInteger, modelLabel, shortId } from '../../lib/format.js';
import { TRAINING_TIME } from '../../lib/run-timings.js';
import { compareMetric, metricInfo, metricNamesOf } from '../../lib/metrics.js';

export function runTitle(run: RunMetricsBody): string {
  return `${modelLabel(run.model_type)} · ${shortId(run.model_run_id)}`;
}

/** One row of the comparison: a value per run, and which runs hold the best value (metrics) or whether they differ. */
export interface CompareRow {
  key: string;
  label: string;
  values: Array<number | string | boolean | null | undefined>;
  /** Indexes of the runs with the best value of a metric row (ties share it). */
  best: number[];
  /** A hyperparameter row that every run has, with values that do not all agree. */
  differs: boolean;
}

export function metricRows(runs: readonly RunMetricsBody[]): CompareRow[] {
  return metricNamesOf(runs.map((run) => run.metrics)).map((name) => {
    const info = metricInfo(name);
    const values = runs.map((run) => run.metrics[name]);
    const ranked = values.map((value, index) => ({ value, index })).filter(({ value }) => value !== null && value !== undefined);
    ranked.sort((a, b) => compareMetric(info, a.value, b.value));
    // A "best" among one run, or among runs that all tie, says nothing; only mark a real winner.
    const bestValue = ranked[0]?.value;
    const best = ranked.filter(({ value }) => value === bestValue).map(({ index }) => index);
    return { key: name, label: info.label, values, best: best.length < runs.length ? best : [], differs: false };
  });
}

export function hyperparameterRows(runs: readonly RunMetricsBody[]): CompareRow[] {
  const settings = runs.map((run) => (run.training_metadata as TrainingMetadata).hyperparameters ?? {});
  const names = [...new Set(settings.flatMap((s) => Object.keys(s)))];
  return names.map((name) => {
    const values = settings.map((s) => s[name] as CompareRow['values'][number]);
    // Only a setting every run has can differ; one that belongs to another model type is just absent ("—").
    const shared = values.every((v) => v !== undefined);
    return { key: name, label: name, values, best: [], differs: shared && new Set(values.map((v) => JSON.stringify(v))).size > 1 };
  });
}

/** Sizes and time of each run, already formatted (they are read, not ranked). */
export function trainingRows(runs: readonly RunMetricsBody[]): CompareRow[] {
  const metadata = runs.map((run) => run.training_metadata as TrainingMetadata);
  const count = (value: number | undefined) => (value === undefined ? undefined : formatInteger(value));
  const rows: Array<[string, string, (m: TrainingMetadata) => string | undefined]> = [
    ['training_time', `${TRAINING_TIME.label} (${TRAINING_TIME.hint})`, (m) => formatDuration(m.training_time)],
    ['train_samples', 'Training rows', (m) => count(m.train_samples)],
    ['test_samples', 'Test rows', (m) => count(m.test_samples)],
    ['n_features', 'Features', (m) => count(m.n_features)],
  ];
  return rows.map(([key, label, read]) => ({ key, label, values: metadata.map(read), best: [], differs: false }));
}
