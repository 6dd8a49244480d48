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
  return { ...withOverflowReasons(report.metrics, report.warnings), averaging: report.averaging };
}

export function evaluateRegressor(model: Regressor, X: Matrix, y: Float64Array): Evaluation {
  const report = regressionReport(y, model.predict(X));
  return withOverflowReasons(report.metrics, report.warnings);
}

/** Clustering is scored on the rows it was fitted on, with the labels the fit gave them. */
export function evaluateClusterer(model: Clusterer, X: Matrix): Evaluation {
  const report = clusteringReport(X, model.labels);
  return withOverflowReasons(report.metrics, report.warnings);
}

/**
 * Every metric NaN or infinite (null in the answers) gets a reason: one its report did not explain
 * came from the data's numbers overflowing its sums (features near 1e200 give NaN silhouettes).
 */
function withOverflowReasons(metrics: Record<string, number | null>, warnings: Record<string, string>): Evaluation {
  const reasons = { ...warnings };
  for (const [name, value] of Object.entries(metrics)) {
    if (value !== null && !Number.isFinite(value) && !(name in reasons)) {
      reasons[name] = "not computable: its sums overflow the largest double (1.8e308); the data's values are too large, rescale them";
    }
  }
  return { metrics: { ...metrics }, warnings: reasons };
}
