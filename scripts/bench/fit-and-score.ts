import {
  classificationReport,
  regressionReport,
  takeRows,
  type Classifier,
  type Clusterer,
  type Estimator,
  type Matrix,
  type Regressor,
} from '../../src/ml/index.js';
import type { NumericTable } from './numeric-csv.js';
import type { SplitRows } from './split-file.js';

const BYTES_PER_MB = 1024 * 1024;

export interface FitOutcome {
  fitSeconds: number;
  rssBeforeFitMb: number;
  /** Our metric report for the task, flattened to name -> value. */
  metrics: Record<string, number | null>;
}

interface Parts {
  trainX: Matrix;
  testX: Matrix;
  trainTarget: Float64Array;
  testTarget: Float64Array;
}

/** Fits on the split's training rows, timing fit alone, and scores as anchor.py does for the task. */
export function fitAndScore(estimator: Estimator, table: NumericTable, split: SplitRows): FitOutcome {
  const parts: Parts = {
    trainX: takeRows(table.features, split.train),
    testX: takeRows(table.features, split.test),
    trainTarget: pick(table.target, split.train),
    testTarget: pick(table.target, split.test),
  };
  switch (estimator.task) {
    case 'classification':
      return classify(estimator, parts);
    case 'regression':
      return regress(estimator, parts);
    case 'clustering':
      return cluster(estimator, parts);
  }
}

function classify(model: Classifier, { trainX, testX, trainTarget, testTarget }: Parts): FitOutcome {
  // The training rows hold every class: the shared split is stratified.
  const classes = sortedDistinct(trainTarget);
  const timing = timed(() => model.fit(trainX, encode(trainTarget, classes), classes.length));
  const report = classificationReport(encode(testTarget, classes), model.predict(testX), model.predictProba(testX), classes.length);
  return { ...timing, metrics: report.metrics };
}

function regress(model: Regressor, { trainX, testX, trainTarget, testTarget }: Parts): FitOutcome {
  const timing = timed(() => model.fit(trainX, trainTarget));
  return { ...timing, metrics: regressionReport(testTarget, model.predict(testX)).metrics };
}

/**
 * Clustering is fitted on the training rows and scored on them, as anchor.py does. Its comparable
 * number is k-means' own inertia (the fitted state's inertia_, scikit-learn's attribute); the
 * silhouette would cost O(n^2) on these shapes.
 */
function cluster(model: Clusterer, { trainX }: Parts): FitOutcome {
  const timing = timed(() => model.fit(trainX));
  const inertia = model.toState().fitted.inertia_;
  return { ...timing, metrics: { inertia: typeof inertia === 'number' ? inertia : null } };
}

function timed(fit: () => void): { fitSeconds: number; rssBeforeFitMb: number } {
  const rssBeforeFitMb = process.memoryUsage.rss() / BYTES_PER_MB;
  const started = performance.now();
  fit();
  return { fitSeconds: (performance.now() - started) / 1000, rssBeforeFitMb };
}

function pick(values: Float64Array, rows: Uint32Array): Float64Array {
  return Float64Array.from(rows, (row) => values[row]);
}

/** Class labels sorted as scikit-learn's LabelEncoder sorts numbers; a label's code is its position. */
function sortedDistinct(labels: Float64Array): Float64Array {
  return Float64Array.from(new Set(labels)).sort();
}

/** A test label unseen in training gets -1, which never equals a prediction: it counts as a miss. */
function encode(labels: Float64Array, classes: Float64Array): Int32Array {
  const codeOf = new Map(Array.from(classes, (label, code) => [label, code]));
  return Int32Array.from(labels, (label) => codeOf.get(label) ?? -1);
}
