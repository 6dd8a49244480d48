/**
 * The standard (shape -> models) lists of the anchor harness's suite.py, with its parameters under
 * scikit-learn / XGBoost names, so our numbers and the anchors' describe the same fits.
 */

export type AnchorParams = Record<string, number | string | boolean>;

export interface SuiteEntry {
  /** The model as anchor.py names it. */
  anchorModel: string;
  params: AnchorParams;
  /** Tells two entries of one model apart in the table ("n_init=1"). */
  variant?: string;
}

/** suite.py's split: train_test_split(test_size=0.2, random_state=42), shared by every model of a shape. */
export const SPLIT_SEED = 42;
export const TEST_SIZE = 0.2;

/** k-means runs on the features alone, on classification and blob shapes alike. */
const KMEANS: SuiteEntry[] = [
  { anchorModel: 'kmeans', params: { n_clusters: 8, n_init: 10 }, variant: 'n_init=10' },
  { anchorModel: 'kmeans', params: { n_clusters: 8, n_init: 1 }, variant: 'n_init=1' },
];

const CLASSIFICATION: SuiteEntry[] = [
  { anchorModel: 'decision_tree_classifier', params: { max_depth: 10 } },
  { anchorModel: 'random_forest_classifier', params: { n_estimators: 100, max_depth: 10 } },
  { anchorModel: 'hist_gradient_boosting_classifier', params: { max_iter: 100 } },
  { anchorModel: 'xgboost_classifier', params: { n_estimators: 100, max_depth: 6, tree_method: 'hist' } },
  { anchorModel: 'logistic_regression', params: {} },
  ...KMEANS,
];

const REGRESSION: SuiteEntry[] = [
  { anchorModel: 'random_forest_regressor', params: { n_estimators: 100, max_depth: 10 } },
  { anchorModel: 'hist_gradient_boosting_regressor', params: { max_iter: 100 } },
  { anchorModel: 'xgboost_regressor', params: { n_estimators: 100, max_depth: 6, tree_method: 'hist' } },
  { anchorModel: 'linear_regression', params: {} },
  { anchorModel: 'ridge', params: {} },
];

const CLUSTERING: SuiteEntry[] = [
  ...KMEANS,
  { anchorModel: 'gaussian_mixture', params: { n_components: 8 } },
];

export interface SuiteShape {
  /**
   * The anchor model whose run writes the shape's split. anchor.py stratifies by the model's task
   * (by class for classifiers, not at all otherwise), so any model of the task suite.py runs first
   * on the shape gives suite.py's split; these are the quickest.
   */
  splitModel: string;
  entries: readonly SuiteEntry[];
}

/**
 * suite.py's shapes whose CSVs are all numbers: `messy` is left out, since its categorical and
 * blank cells would need the service's preprocessing, which is not what this bench times.
 */
export const SUITE_SHAPES: Readonly<Record<string, SuiteShape>> = {
  small: { splitModel: 'logistic_regression', entries: CLASSIFICATION },
  medium: { splitModel: 'logistic_regression', entries: CLASSIFICATION },
  large: { splitModel: 'logistic_regression', entries: CLASSIFICATION },
  multiclass: { splitModel: 'logistic_regression', entries: CLASSIFICATION },
  regression: { splitModel: 'linear_regression', entries: REGRESSION },
  blobs: { splitModel: 'kmeans', entries: CLUSTERING },
};

/**
 * Defaults anchor.py sets where they differ from the library's (its MODELS table): without
 * early_stopping=false, HistGradientBoosting would stop early above 10 000 rows on one side only.
 */
export const ANCHOR_DEFAULTS: Readonly<Record<string, AnchorParams>> = {
  hist_gradient_boosting_classifier: { early_stopping: false },
  hist_gradient_boosting_regressor: { early_stopping: false },
  xgboost_classifier: { tree_method: 'hist' },
  xgboost_regressor: { tree_method: 'hist' },
  kmeans: { n_clusters: 8, n_init: 10 },
  gaussian_mixture: { n_components: 8 },
};

export function entryLabel(entry: SuiteEntry): string {
  return entry.variant ? `${entry.anchorModel} ${entry.variant}` : entry.anchorModel;
}
