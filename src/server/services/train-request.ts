import { findModelSpec, resolveHyperparameters, supportedModelTypes, type ModelSpec } from '../../ml/index.js';
import type { ColumnProfile } from '../../datasets/profile.js';
import type { RunConfig } from '../../training/run-config.js';
import { apiErrors } from '../errors.js';
import type { DatasetView } from './dataset-service.js';

export interface TrainRequest {
  experiment_id: string;
  dataset_id: string;
  model_type: string;
  target_column?: string | null;
  feature_columns?: string[] | null;
  hyperparameters?: Record<string, unknown> | null;
  test_size?: number;
  random_state?: number;
}

export const DEFAULT_TEST_SIZE = 0.2;
export const DEFAULT_RANDOM_STATE = 42;

export function requireModelSpec(modelType: string): ModelSpec {
  const spec = findModelSpec(modelType);
  if (!spec) {
    throw apiErrors.badRequest(`Unsupported model_type '${modelType}'. Supported: ${supportedModelTypes().join(', ')}`);
  }
  return spec;
}

/**
 * Turns a train request into a run configuration, or a 400 naming what is wrong, before any work
 * is queued: the columns, the target's classes and the split sizes are all checked from the profile.
 */
export function buildRunConfig(request: TrainRequest, spec: ModelSpec, dataset: DatasetView): RunConfig {
  const byName = new Map(dataset.columns.map((c) => [c.name, c]));
  const target = resolveTarget(request.target_column ?? null, spec, dataset, byName);
  const features = resolveFeatures(request.feature_columns ?? null, target?.name ?? null, dataset, byName);
  const testSize = request.test_size ?? DEFAULT_TEST_SIZE;
  const randomState = request.random_state ?? DEFAULT_RANDOM_STATE;
  if (target) checkTarget(target, spec, dataset, testSize);
  return {
    modelType: spec.modelType,
    taskType: spec.taskType,
    hyperparameters: resolveHyperparameters(spec.modelType, spec.hyperparameters, seeded(spec, request.hyperparameters ?? {}, randomState)),
    targetColumn: target?.name ?? null,
    featureColumns: features,
    testSize,
    randomState,
  };
}

/**
 * A run is reproducible from its request: a model with a `random_state` hyperparameter that the
 * request leaves out is seeded with the request's `random_state` (the split's seed).
 */
function seeded(spec: ModelSpec, given: Record<string, unknown>, randomState: number): Record<string, unknown> {
  const hasSeed = spec.hyperparameters.some((d) => d.name === 'random_state');
  return hasSeed && !('random_state' in given) ? { ...given, random_state: randomState } : given;
}

function resolveTarget(
  name: string | null,
  spec: ModelSpec,
  dataset: DatasetView,
  byName: Map<string, ColumnProfile>,
): ColumnProfile | null {
  if (spec.taskType === 'clustering') {
    if (name !== null) {
      throw apiErrors.badRequest(`target_column must not be given for the clustering model '${spec.modelType}': clustering uses no target`);
    }
    return null;
  }
  if (name === null) throw apiErrors.badRequest(`target_column is required for the ${spec.taskType} model '${spec.modelType}'`);
  return requireColumn(name, dataset, byName);
}

function resolveFeatures(
  requested: string[] | null,
  targetName: string | null,
  dataset: DatasetView,
  byName: Map<string, ColumnProfile>,
): string[] {
  const names = requested ?? dataset.columns.map((c) => c.name).filter((n) => n !== targetName);
  if (names.length === 0) throw apiErrors.badRequest('No feature columns: feature_columns is empty or the dataset has only the target');
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw apiErrors.badRequest(`Feature column '${name}' is listed twice in feature_columns`);
    seen.add(name);
    if (name === targetName) throw apiErrors.badRequest(`Column '${name}' is the target and cannot also be a feature`);
    const column = requireColumn(name, dataset, byName);
    if (column.dtype !== 'numeric') {
      throw apiErrors.badRequest(
        `Feature column '${name}' is not numeric (${column.dtype}); only numeric feature columns are supported`,
      );
    }
  }
  return names;
}

function requireColumn(name: string, dataset: DatasetView, byName: Map<string, ColumnProfile>): ColumnProfile {
  const column = byName.get(name);
  if (!column) {
    const available = dataset.columns.map((c) => c.name).join(', ');
    throw apiErrors.badRequest(`Column '${name}' is not in dataset '${dataset.name}'. Available columns: ${available}`);
  }
  return column;
}

function checkTarget(target: ColumnProfile, spec: ModelSpec, dataset: DatasetView, testSize: number): void {
  const nRows = dataset.n_rows - target.n_missing;
  if (spec.taskType === 'regression' && target.dtype !== 'numeric') {
    throw apiErrors.badRequest(`Target column '${target.name}' is not numeric (${target.dtype}); regression needs a numeric target`);
  }
  const nTest = Math.ceil(testSize * nRows);
  const nTrain = nRows - nTest;
  if (nTrain < 1 || nTest < 1) {
    throw apiErrors.badRequest(
      `test_size=${testSize} with ${nRows} rows that have a target gives ${nTrain} training and ${nTest} test rows; both need at least 1`,
    );
  }
  if (spec.taskType === 'classification') checkClasses(target, nTrain, nTest);
}

function checkClasses(target: ColumnProfile, nTrain: number, nTest: number): void {
  const counts = target.value_counts;
  if (!counts) {
    throw apiErrors.badRequest(`Target column '${target.name}' has ${target.n_unique} distinct values: too many classes for classification`);
  }
  const classes = Object.entries(counts);
  if (classes.length < 2) {
    const found = classes.length === 1 ? `only the class '${classes[0][0]}'` : 'no values';
    throw apiErrors.badRequest(`Target column '${target.name}' has ${found}: classification needs at least two classes`);
  }
  const tooSmall = classes.filter(([, n]) => n < 2).map(([name]) => `'${name}'`);
  if (tooSmall.length > 0) {
    throw apiErrors.badRequest(
      `Target column '${target.name}': class ${tooSmall.join(', ')} has only 1 row; a stratified split needs at least 2 rows per class`,
    );
  }
  if (nTest < classes.length || nTrain < classes.length) {
    throw apiErrors.badRequest(
      `The split gives ${nTrain} training and ${nTest} test rows for ${classes.length} classes; a stratified split needs at least one row per class on each side (change test_size)`,
    );
  }
}
