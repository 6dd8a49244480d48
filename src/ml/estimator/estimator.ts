import type { Matrix } from '../core/matrix.js';
import type { ModelState } from './model-state.js';

export type TaskType = 'classification' | 'regression' | 'clustering';

/** How long work talks to whoever runs it: progress out at natural boundaries (per tree, per iteration). */
export interface FitContext {
  /** fraction in [0, 1] of the fit done so far. */
  onProgress?: (fraction: number) => void;
}

export type ImportanceMethod = 'feature_importances_' | 'coef_';

export interface FeatureImportance {
  method: ImportanceMethod;
  /** One value per input feature, each in [0, 1], summing to 1 (or all 0 when the model learned nothing). */
  values: Float64Array;
  /** Signed coefficients for linear models: one row per class (one row for binary and regression). */
  coefficients?: number[][];
}

interface EstimatorBase {
  readonly modelType: string;
  /** Resolved hyperparameters (defaults filled in), exactly as given to the constructor. */
  readonly params: Readonly<Record<string, unknown>>;
  featureImportance(): FeatureImportance | null;
  /** A plain, serialisable snapshot of the fitted state; see model-state.ts. */
  toState(): ModelState;
}

export interface Classifier extends EstimatorBase {
  readonly task: 'classification';
  /** y holds encoded class indices 0..nClasses-1. */
  fit(X: Matrix, y: Int32Array, nClasses: number, ctx?: FitContext): this;
  predict(X: Matrix): Int32Array;
  /**
   * nRows x nClasses class probabilities, column-major like every Matrix; null for a model that has
   * none (scikit-learn gives it no predict_proba: svc without probability, ridge_classifier,
   * sgd_classifier with a margin loss).
   */
  predictProba(X: Matrix): Matrix | null;
  /**
   * scikit-learn's decision_function, for models whose scores are not probabilities: nRows x 1 for
   * two classes (above 0 favours class 1), nRows x nClasses otherwise. Binary ROC AUC falls back on it.
   */
  decisionFunction?(X: Matrix): Matrix;
}

export interface Regressor extends EstimatorBase {
  readonly task: 'regression';
  fit(X: Matrix, y: Float64Array, ctx?: FitContext): this;
  predict(X: Matrix): Float64Array;
}

export interface Clusterer extends EstimatorBase {
  readonly task: 'clustering';
  fit(X: Matrix, ctx?: FitContext): this;
  /** Cluster index of every training row after fit (-1 for noise where the algorithm has it). */
  readonly labels: Int32Array;
  /** Present only for algorithms that can assign new points. */
  predict?(X: Matrix): Int32Array;
}

export type Estimator = Classifier | Regressor | Clusterer;
