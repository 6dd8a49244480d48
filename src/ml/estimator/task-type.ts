import type { TaskType } from './estimator.js';

/**
 * The spec's keyword rules for telling a model's task from its name. Classification is checked
 * first, so "svc" wins over nothing and "xgb_classifier" never falls through to regression.
 */
const CLASSIFICATION_KEYWORDS = [
  'classifier', 'classification', 'logistic', 'naive_bayes', 'svc',
  'decision_tree_class', 'random_forest_class', 'gradient_boosting_class',
  'ada_boost_class', 'extra_trees_class', 'xgb_class', 'lgbm_class', 'catboost_class',
] as const;

const REGRESSION_KEYWORDS = [
  'regressor', 'regression', 'linear_reg', 'ridge', 'lasso', 'elastic', 'svr',
  'decision_tree_reg', 'random_forest_reg', 'gradient_boosting_reg',
  'ada_boost_reg', 'extra_trees_reg', 'xgb_reg', 'lgbm_reg', 'catboost_reg',
] as const;

const CLUSTERING_KEYWORDS = [
  'kmeans', 'dbscan', 'hierarchical', 'agglomerative', 'spectral',
  'mean_shift', 'birch', 'optics', 'gaussian_mixture',
] as const;

export function detectTaskType(modelType: string): TaskType | null {
  const name = modelType.toLowerCase();
  if (CLASSIFICATION_KEYWORDS.some((k) => name.includes(k))) return 'classification';
  if (REGRESSION_KEYWORDS.some((k) => name.includes(k))) return 'regression';
  if (CLUSTERING_KEYWORDS.some((k) => name.includes(k))) return 'clustering';
  return null;
}
