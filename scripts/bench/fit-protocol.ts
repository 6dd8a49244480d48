import type { TaskType } from '../../src/ml/index.js';

/** What the parent asks one fit child to do (its one argument, as JSON). */
export interface FitRequest {
  csv: string;
  splitFile: string;
  modelType: string;
  params: Record<string, unknown>;
}

/** The child's one JSON line on stdout. */
export interface FitReport {
  rows: number;
  features: number;
  trainRows: number;
  testRows: number;
  /** Wall-clock seconds of fit alone: CSV parsing, row selection and scoring are outside it. */
  fitSeconds: number;
  score: number | null;
  /** Every metric our report functions gave, for the results file. */
  metrics: Record<string, number | null>;
  /** The child's peak resident set size, so the peak of this one fit and its data. */
  peakRssMb: number;
  rssBeforeFitMb: number;
}

/**
 * The one number compared with the anchor per task, under anchor.py's metric names: test accuracy,
 * test R^2, and the training inertia k-means reports (null for clusterers without one).
 */
export const SCORE_NAME: Readonly<Record<TaskType, string>> = {
  classification: 'accuracy',
  regression: 'r2',
  clustering: 'inertia',
};
