import type { DatasetBody, HyperparameterEntry, ModelEntry, RunMetricsBody, RunSummaryBody } from '../lib/api-types.js';

/** Small API bodies for the dashboard's unit tests, shaped like the API's answers. */

export function hyperparameter(overrides: Partial<HyperparameterEntry> & Pick<HyperparameterEntry, 'name' | 'type' | 'default'>): HyperparameterEntry {
  return { allowed: '', description: '', ...overrides };
}

export const N_ESTIMATORS = hyperparameter({ name: 'n_estimators', type: ['integer'], default: 100, integer_range: { minimum: 1, exclusive_minimum: false } });
export const C = hyperparameter({ name: 'C', type: ['number'], default: 1, number_range: { minimum: 0, exclusive_minimum: true } });
export const MAX_FEATURES = hyperparameter({
  name: 'max_features',
  type: ['integer', 'number', 'string', 'null'],
  default: 'sqrt',
  choices: ['sqrt', 'log2'],
  integer_range: { minimum: 1, exclusive_minimum: false },
  number_range: { minimum: 0, exclusive_minimum: true, maximum: 1, exclusive_maximum: false },
});
export const BOOTSTRAP = hyperparameter({ name: 'bootstrap', type: ['boolean'], default: true });
export const SEED = hyperparameter({ name: 'random_state', type: ['integer', 'null'], default: null, integer_range: { minimum: 0, exclusive_minimum: false } });

export function model(modelType: string, taskType: string, hyperparameters: HyperparameterEntry[] = []): ModelEntry {
  return {
    model_type: modelType,
    task_type: taskType,
    family: 'test',
    description: '',
    supports_feature_importance: true,
    hyperparameters,
  };
}

export function dataset(columns: Array<[string, string]>): DatasetBody {
  return {
    id: 'd1',
    name: 'data',
    n_rows: 10,
    n_columns: columns.length,
    columns: columns.map(([name, dtype]) => ({ name, dtype, n_missing: 0, n_unique: 3 })),
    size_bytes: 100,
    created_at: '2026-01-01T00:00:00.000Z',
  };
}

export function runSummary(id: string, overrides: Partial<RunSummaryBody> = {}): RunSummaryBody {
  return {
    model_run_id: id,
    experiment_id: 'e1',
    model_type: 'random_forest_classifier',
    task_type: 'classification',
    status: 'completed',
    progress: 100,
    created_at: '2026-01-01T00:00:00.000Z',
    completed_at: '2026-01-01T00:00:01.000Z',
    metrics: null,
    ...overrides,
  };
}

export function runMetrics(id: string, metrics: Record<string, number | null>, hyperparameters: Record<string, unknown>): RunMetricsBody {
  return {
    model_run_id: id,
    model_type: 'random_forest_classifier',
    task_type: 'classification',
    metrics,
    metric_warnings: {},
    training_metadata: { training_time: 0.5, hyperparameters, train_samples: 120, n_features: 4 },
  };
}
