import {
  findModelSpec,
  InvalidHyperparameterError,
  resolveHyperparameters,
  supportedModelTypes,
  type ModelSpec,
  type ResolvedParams,
} from '../../ml/index.js';
import type { ColumnProfile } from '../../datasets/profile.js';
import { resolvePreprocessing, type PreprocessingRequest } from '../../training/preprocessing-config.js';
import type { RunConfig } from '../../training/run-config.js';
import { apiErrors } from '../errors.js';
import type { DatasetView } from './dataset-service.js';
import { checkClassSizes, classCounts } from './target-classes.js';
import { checkTestDataset } from './test-dataset-check.js';

export interface TrainRequest {
  experiment_id: string;
  dataset_id: string;
  model_type: string;
  target_column?: string | null;
  feature_columns?: string[] | null;
  hyperparameters?: Record<string, unknown> | null;
  test_size?: number;
  random_state?: number;
  test_dataset_id?: string | null;
  preprocessing?: PreprocessingRequest | null;
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
 * is queued: the columns, the target's classes and the split sizes (or the test data set) are all
 * checked from the profiles.
 */
export function buildRunConfig(request: TrainRequest, spec: ModelSpec, dataset: DatasetView, testDataset: DatasetView | null): RunConfig {
  const byName = new Map(dataset.columns.map((c) => [c.name, c]));
  const target = resolveTarget(request.target_column ?? null, spec, dataset, byName);
  const features = resolveFeatures(request.feature_columns ?? null, target?.name ?? null, dataset, byName);
  const testSize = request.test_size ?? DEFAULT_TEST_SIZE;
  const randomState = request.random_state ?? DEFAULT_RANDOM_STATE;
  if (testDataset) checkTestDataset(spec, dataset, testDataset, features, target);
  else if (target) checkSplit(target, spec, dataset, testSize);
  const hyperparameters = resolveHyperparameters(spec.modelType, spec.hyperparameters, seeded(spec, request.hyperparameters ?? {}, randomState));
  checkParamsTogether(spec, hyperparameters);
  return {
    modelType: spec.modelType,
    taskType: spec.taskType,
    hyperparameters,
    targetColumn: target?.name ?? null,
    featureColumns: features,
    testSize,
    randomState,
    testDatasetId: testDataset?.id ?? null,
    preprocessing: resolvePreprocessing(request.preprocessing ?? {}, spec.needsScaling),
  };
}

/** The model's checks between parameters, as a 400 in the same words as a single bad parameter's. */
function checkParamsTogether(spec: ModelSpec, hyperparameters: ResolvedParams): void {
  try {
    spec.checkParams?.(hyperparameters);
  } catch (error) {
    if (!(error instanceof InvalidHyperparameterError)) throw error;
    throw apiErrors.badRequest(`Invalid hyperparameter '${error.parameter}' for ${spec.modelType}: ${error.message}`);
  }
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
  const target = requireColumn(name, dataset, byName);
  if (target.n_unique === 0) throw apiErrors.badRequest(`Target column '${target.name}' has no values`);
  if (spec.taskType === 'regression' && target.dtype !== 'numeric') {
    throw apiErrors.badRequest(`Target column '${target.name}' is not numeric (${target.dtype}); regression needs a numeric target`);
  }
  if (spec.taskType === 'classification' && target.dtype === 'datetime') {
    throw apiErrors.badRequest(`Target column '${target.name}' holds datetimes; classification needs a column of classes`);
  }
  return target;
}

/**
 * The requested feature columns, or every column but the target that can be one. Free text (too
 * many distinct values to encode) and columns with no value at all cannot: left out of the default,
 * refused when asked for.
 */
function resolveFeatures(
  requested: string[] | null,
  targetName: string | null,
  dataset: DatasetView,
  byName: Map<string, ColumnProfile>,
): string[] {
  if (requested === null) {
    const candidates = dataset.columns.filter((c) => c.name !== targetName);
    const usable = candidates.filter((c) => unusableReason(c) === null);
    if (usable.length === 0) {
      const reasons = candidates.map((c) => `'${c.name}' ${unusableReason(c)}`);
      throw apiErrors.badRequest(`No usable feature column in dataset '${dataset.name}'${reasons.length ? `: ${reasons.join('; ')}` : ': it has only the target'}`);
    }
    return usable.map((c) => c.name);
  }
  const seen = new Set<string>();
  for (const name of requested) {
    if (seen.has(name)) throw apiErrors.badRequest(`Feature column '${name}' is listed twice in feature_columns`);
    seen.add(name);
    if (name === targetName) throw apiErrors.badRequest(`Column '${name}' is the target and cannot also be a feature`);
    const reason = unusableReason(requireColumn(name, dataset, byName));
    if (reason !== null) throw apiErrors.badRequest(`Feature column '${name}' ${reason}`);
  }
  return requested;
}

function unusableReason(column: ColumnProfile): string | null {
  if (column.dtype === 'text') return `is text (${column.n_unique} distinct values): too many to encode as a feature`;
  if (column.n_unique === 0) return 'has no values';
  return null;
}

function requireColumn(name: string, dataset: DatasetView, byName: Map<string, ColumnProfile>): ColumnProfile {
  const column = byName.get(name);
  if (!column) {
    const available = dataset.columns.map((c) => c.name).join(', ');
    throw apiErrors.badRequest(`Column '${name}' is not in dataset '${dataset.name}'. Available columns: ${available}`);
  }
  return column;
}

function checkSplit(target: ColumnProfile, spec: ModelSpec, dataset: DatasetView, testSize: number): void {
  const nRows = dataset.n_rows - target.n_missing;
  const nTest = Math.ceil(testSize * nRows);
  const nTrain = nRows - nTest;
  if (nTrain < 1 || nTest < 1) {
    throw apiErrors.badRequest(
      `test_size=${testSize} with ${nRows} rows that have a target gives ${nTrain} training and ${nTest} test rows; both need at least 1`,
    );
  }
  if (spec.taskType !== 'classification') return;
  const classes = classCounts(target);
  checkClassSizes(target, classes);
  if (nTest < classes.length || nTrain < classes.length) {
    throw apiErrors.badRequest(
      `The split gives ${nTrain} training and ${nTest} test rows for ${classes.length} classes; a stratified split needs at least one row per class on each side (change test_size)`,
    );
  }
}
