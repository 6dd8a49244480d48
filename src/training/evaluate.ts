import {
  classificationReport,
  clusteringReport,
  regressionReport,
  type Classifier,
  type Clusterer,
  type Matrix,
  type Regressor,
} from '../ml/index.js';

export interface Evaluation {
  metrics: Record<string, number | null>;
  /** metric name -> why it is null or was set by convention */
  warnings: Record<string, string>;
  /** 'binary' or 'macro' for classification */
  averaging?: string;
}

export function evaluateClassifier(model: Classifier, X: Matrix, y: Int32Array, nClasses: number): Evaluation {
  const proba = model.predictProba(X);
  const decision = proba === null ? (model.decisionFunction?.(X) ?? null) : null;
  const report = classificationReport(y, model.predict(X), proba, nClasses, decision);
  return { metrics: { ...report.metrics }, warnings: report.warnings, averaging: report.averaging };
}

export function evaluateRegressor(model: Regressor, X: Matrix, y: Float64Array): Evaluation {
  const report = regressionReport(y, model.predict(X));
  return { metrics: { ...report.metrics }, warnings: report.warnings };
}

/** Clustering is scored on the rows it was fitted on, with the labels the fit gave them. */
export function evaluateClusterer(model: Clusterer, X: Matrix): Evaluation {
  const report = clusteringReport(X, model.labels);
  return { metrics: { ...report.metrics }, warnings: report.warnings };
}
