import type { MetricValues } from './api-types.js';

/** How the dashboard names and ranks a metric the API reports. */
export interface MetricInfo {
  name: string;
  label: string;
  /** Whether a larger value is the better model (false for errors and the Davies-Bouldin index). */
  higherIsBetter: boolean;
  hint: string;
}

const KNOWN: MetricInfo[] = [
  { name: 'accuracy', label: 'Accuracy', higherIsBetter: true, hint: 'Share of test rows classified correctly' },
  { name: 'precision', label: 'Precision', higherIsBetter: true, hint: 'Share of the predictions for a class that are right' },
  { name: 'recall', label: 'Recall', higherIsBetter: true, hint: 'Share of the rows of a class that are found' },
  { name: 'f1_score', label: 'F1 score', higherIsBetter: true, hint: 'Harmonic mean of precision and recall' },
  { name: 'auc_roc', label: 'ROC AUC', higherIsBetter: true, hint: 'Area under the ROC curve (0.5 is chance)' },
  { name: 'r2', label: 'R²', higherIsBetter: true, hint: 'Share of the target variance explained (1 is perfect)' },
  { name: 'mae', label: 'MAE', higherIsBetter: false, hint: 'Mean absolute error' },
  { name: 'mse', label: 'MSE', higherIsBetter: false, hint: 'Mean squared error' },
  { name: 'rmse', label: 'RMSE', higherIsBetter: false, hint: 'Root mean squared error, in target units' },
  { name: 'silhouette_score', label: 'Silhouette', higherIsBetter: true, hint: 'Cluster separation, -1 to 1' },
  { name: 'davies_bouldin_score', label: 'Davies–Bouldin', higherIsBetter: false, hint: 'Cluster similarity (lower is better)' },
  { name: 'calinski_harabasz_score', label: 'Calinski–Harabasz', higherIsBetter: true, hint: 'Between- to within-cluster dispersion' },
];
const BY_NAME = new Map(KNOWN.map((info) => [info.name, info]));

/** The headline metric of each task type: the runs table's "key metric" column. */
const KEY_METRIC: Record<string, string> = { classification: 'accuracy', regression: 'r2', clustering: 'silhouette_score' };

/** Metrics the dashboard does not know yet still show, under their API name, ranked higher-is-better. */
export function metricInfo(name: string): MetricInfo {
  return BY_NAME.get(name) ?? { name, label: name.replace(/_/g, ' '), higherIsBetter: true, hint: name };
}

export function keyMetric(taskType: string): MetricInfo | null {
  const name = KEY_METRIC[taskType];
  return name ? metricInfo(name) : null;
}

/** Metric names in a stable reading order: known ones as listed above, then the rest alphabetically. */
export function orderMetricNames(names: Iterable<string>): string[] {
  const rank = (name: string) => {
    const index = KNOWN.findIndex((info) => info.name === name);
    return index === -1 ? KNOWN.length : index;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Every metric name reported by any of the given runs, in reading order. */
export function metricNamesOf(metrics: Array<MetricValues | null | undefined>): string[] {
  return orderMetricNames(metrics.flatMap((values) => Object.keys(values ?? {})));
}

/** Compares two metric values so the better one sorts first; a missing value always sorts last. */
export function compareMetric(info: MetricInfo, a: number | null | undefined, b: number | null | undefined): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
  return info.higherIsBetter ? b - a : a - b;
}
