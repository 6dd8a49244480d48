import {
  MeanImputer,
  encodeState,
  findModelSpec,
  takeRows,
  trainTestSplit,
  type Classifier,
  type Clusterer,
  type Estimator,
  type Matrix,
  type Regressor,
} from '../ml/index.js';
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION, type ModelDocument } from '../artifacts/model-file.js';
import type { Table } from '../datasets/table.js';
import { buildDesign, type Design } from './design-matrix.js';
import { evaluateClassifier, evaluateClusterer, evaluateRegressor, type Evaluation } from './evaluate.js';
import { encodeLabels } from './label-encoding.js';
import { namedImportance, type NamedImportance } from './named-importance.js';
import type { RunConfig } from './run-config.js';

export interface TrainingOutcome {
  /** The fitted model itself, for callers in the same thread; workers send only the document. */
  estimator: Estimator;
  modelDocument: ModelDocument;
  evaluation: Evaluation;
  importance: NamedImportance | null;
  /** Facts about the fit, merged into the run's training_metadata. */
  metadata: Record<string, unknown>;
}

/** Trains one run from a parsed table: split, impute, fit, score, explain. Pure CPU work, no I/O. */
export function trainRun(table: Table, config: RunConfig, onProgress: (fraction: number) => void): TrainingOutcome {
  const spec = findModelSpec(config.modelType);
  if (!spec) throw new Error(`unknown model type ${config.modelType}`);
  const design = buildDesign(table, config.featureColumns, config.targetColumn);
  const estimator = spec.create(config.hyperparameters);
  const fitted = fitAndEvaluate(estimator, design, config, onProgress);
  const importance = namedImportance(estimator.featureImportance(), config.featureColumns);
  const modelDocument: ModelDocument = {
    format: MODEL_FILE_FORMAT,
    format_version: MODEL_FILE_VERSION,
    model_type: config.modelType,
    task_type: config.taskType,
    feature_names: config.featureColumns,
    target_column: config.targetColumn,
    classes: fitted.classes,
    preprocessing: { numeric_imputer: encodeState({ modelType: 'mean_imputer', params: {}, fitted: fitted.imputer.toState() }) },
    estimator: encodeState(estimator.toState()),
  };
  const metadata = {
    ...fitted.metadata,
    n_features: config.featureColumns.length,
    feature_names: config.featureColumns,
    target_column: config.targetColumn,
    rows_dropped_missing_target: design.rowsDroppedMissingTarget,
    preprocessing: { numeric_missing: 'mean of the training rows', scaling: 'none', categorical: 'not supported' },
  };
  return { estimator, modelDocument, evaluation: fitted.evaluation, importance, metadata };
}

interface Fitted {
  evaluation: Evaluation;
  imputer: MeanImputer;
  classes: string[] | null;
  metadata: Record<string, unknown>;
}

function fitAndEvaluate(estimator: Estimator, design: Design, config: RunConfig, onProgress: (f: number) => void): Fitted {
  const ctx = { onProgress };
  if (estimator.task === 'clustering') return fitClusterer(estimator, design.X, ctx);
  const labels = estimator.task === 'classification' ? encodeLabels(design.target!, design.rows) : null;
  const split = trainTestSplit(design.X.nRows, config.testSize, config.randomState, labels?.codes);
  // The imputer learns from the training rows only, so nothing of the test rows leaks into the fit.
  const Xtrain = takeRows(design.X, split.train);
  const imputer = new MeanImputer().fit(Xtrain);
  imputer.transformInPlace(Xtrain);
  const Xtest = imputer.transformInPlace(takeRows(design.X, split.test));
  const splitMetadata = {
    train_samples: split.train.length,
    test_samples: split.test.length,
    split: { test_size: config.testSize, random_state: config.randomState, stratified: labels !== null },
  };
  if (estimator.task === 'classification') {
    const classes = labels!.classes;
    const started = performance.now();
    estimator.fit(Xtrain, pick(labels!.codes, split.train), classes.length, ctx);
    const trainingTime = (performance.now() - started) / 1000;
    const evaluation = evaluateClassifier(estimator, Xtest, pick(labels!.codes, split.test), classes.length);
    const metadata = { ...splitMetadata, training_time: trainingTime, classes, ...classMetadata(classes, evaluation) };
    return { evaluation, imputer, classes, metadata };
  }
  const y = targetValues(design);
  const started = performance.now();
  (estimator as Regressor).fit(Xtrain, pick(y, split.train), ctx);
  const trainingTime = (performance.now() - started) / 1000;
  const evaluation = evaluateRegressor(estimator as Regressor, Xtest, pick(y, split.test));
  return { evaluation, imputer, classes: null, metadata: { ...splitMetadata, training_time: trainingTime } };
}

function fitClusterer(estimator: Clusterer, X: Matrix, ctx: { onProgress: (f: number) => void }): Fitted {
  const imputer = new MeanImputer().fit(X);
  imputer.transformInPlace(X);
  const started = performance.now();
  estimator.fit(X, ctx);
  const trainingTime = (performance.now() - started) / 1000;
  const evaluation = evaluateClusterer(estimator, X);
  const nClusters = new Set(Array.from(estimator.labels).filter((l) => l >= 0)).size;
  const metadata = { train_samples: X.nRows, training_time: trainingTime, n_clusters_found: nClusters, scored_on: 'training rows' };
  return { evaluation, imputer, classes: null, metadata };
}

function classMetadata(classes: string[], evaluation: Evaluation): Record<string, unknown> {
  return classes.length === 2
    ? { averaging: evaluation.averaging, positive_class: classes[1] }
    : { averaging: evaluation.averaging };
}

function targetValues(design: Design): Float64Array {
  const target = design.target!;
  if (target.dtype !== 'numeric') throw new Error(`target column '${target.name}' is not numeric`);
  return Float64Array.from(design.rows, (r) => target.values[r]);
}

function pick<T extends Int32Array | Float64Array>(values: T, rows: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}
