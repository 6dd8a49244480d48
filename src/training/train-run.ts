import {
  TabularPreprocessor,
  encodeState,
  findModelSpec,
  takeInputRows,
  trainTestSplit,
  type Clusterer,
  type Estimator,
  type FitContext,
  type InputColumn,
  type Matrix,
  type Regressor,
} from '../ml/index.js';
import { MODEL_FILE_FORMAT, MODEL_FILE_VERSION, type ModelDocument, type ModelInput } from '../artifacts/model-file.js';
import { findColumn, type Table } from '../datasets/table.js';
import { buildDesign, type Design } from './design.js';
import { evaluateClassifier, evaluateClusterer, evaluateRegressor, type Evaluation } from './evaluate.js';
import { encodeLabels, encodeWithClasses } from './label-encoding.js';
import { namedImportance, type NamedImportance } from './named-importance.js';
import { engineOptions } from './preprocessing-config.js';
import type { RunConfig } from './run-config.js';

/** The tables one run reads. */
export interface TrainingData {
  train: Table;
  /** The data set scored on instead of a split of `train` (the request's test_dataset_id). */
  test: Table | null;
  /** Cell texts the training data reads as missing; a prediction request reads them so too. */
  missingMarkers: string[];
}

export interface TrainingOutcome {
  /** The fitted pipeline itself, for callers in the same thread; workers send only the document. */
  preprocessor: TabularPreprocessor;
  estimator: Estimator;
  modelDocument: ModelDocument;
  evaluation: Evaluation;
  importance: NamedImportance | null;
  /** Facts about the fit, merged into the run's training_metadata. */
  metadata: Record<string, unknown>;
}

/**
 * Trains one run: split (or take the test data set), fit the preprocessing on the training rows
 * only, fit the model, score it, explain it. Pure CPU work, no I/O.
 */
export function trainRun(data: TrainingData, config: RunConfig, onProgress: (fraction: number) => void): TrainingOutcome {
  const spec = findModelSpec(config.modelType);
  if (!spec) throw new Error(`unknown model type ${config.modelType}`);
  const design = buildDesign(data.train, config.featureColumns, config.targetColumn);
  const estimator = spec.create(config.hyperparameters);
  const preprocessor = new TabularPreprocessor(engineOptions(config.preprocessing));
  const ctx: FitContext = { onProgress };
  const fitted =
    estimator.task === 'clustering'
      ? fitClusterer(estimator, preprocessor, design, config, ctx)
      : fitSupervised(estimator, preprocessor, design, data.test, config, ctx);
  const encoded = { names: preprocessor.featureNames, sources: preprocessor.featureSources, inputNames: config.featureColumns };
  const importance = namedImportance(estimator.featureImportance(), encoded);
  const modelDocument: ModelDocument = {
    format: MODEL_FILE_FORMAT,
    format_version: MODEL_FILE_VERSION,
    model_type: config.modelType,
    task_type: config.taskType,
    feature_names: config.featureColumns,
    inputs: config.featureColumns.map((name) => modelInput(data.train, name)),
    encoded_feature_names: encoded.names,
    missing_markers: data.missingMarkers,
    target_column: config.targetColumn,
    target_dtype: design.target ? (design.target.dtype as ModelDocument['target_dtype']) : null,
    classes: fitted.classes,
    preprocessing: encodeState(preprocessor.toState()),
    estimator: encodeState(estimator.toState()),
  };
  const metadata = {
    ...fitted.metadata,
    n_features: config.featureColumns.length,
    n_encoded_features: encoded.names.length,
    feature_names: config.featureColumns,
    target_column: config.targetColumn,
    rows_dropped_missing_target: design.rowsDroppedMissingTarget,
    preprocessing: config.preprocessing,
  };
  return { preprocessor, estimator, modelDocument, evaluation: fitted.evaluation, importance, metadata };
}

interface Fitted {
  evaluation: Evaluation;
  classes: string[] | null;
  metadata: Record<string, unknown>;
}

/** Training and test parts of one supervised run: input columns and encoded targets. */
interface Parts<Y> {
  trainInputs: InputColumn[];
  testInputs: InputColumn[];
  yTrain: Y;
  yTest: Y;
  metadata: Record<string, unknown>;
}

function fitSupervised(
  estimator: Exclude<Estimator, Clusterer>,
  preprocessor: TabularPreprocessor,
  design: Design,
  testTable: Table | null,
  config: RunConfig,
  ctx: FitContext,
): Fitted {
  const testDesign = testTable ? buildDesign(testTable, config.featureColumns, config.targetColumn) : null;
  if (estimator.task === 'classification') {
    const labels = encodeLabels(design.target!, design.rows);
    const testLabels = testDesign ? encodeWithClasses(labels.classes, testDesign.target!, testDesign.rows) : null;
    const parts = splitParts(design, labels.codes, testDesign, testLabels, config, true);
    const { Xtrain, Xtest } = preprocess(preprocessor, config, parts);
    const trainingTime = timed(() => estimator.fit(Xtrain, parts.yTrain, labels.classes.length, ctx));
    const evaluation = evaluateClassifier(estimator, Xtest, parts.yTest, labels.classes.length);
    const classes = labels.classes;
    const positive = classes.length === 2 ? { positive_class: classes[1] } : {};
    const metadata = { ...parts.metadata, training_time: trainingTime, classes, averaging: evaluation.averaging, ...positive };
    return { evaluation, classes, metadata };
  }
  const y = targetValues(design);
  const parts = splitParts(design, y, testDesign, testDesign ? targetValues(testDesign) : null, config, false);
  const { Xtrain, Xtest } = preprocess(preprocessor, config, parts);
  const trainingTime = timed(() => (estimator as Regressor).fit(Xtrain, parts.yTrain, ctx));
  const evaluation = evaluateRegressor(estimator as Regressor, Xtest, parts.yTest);
  return { evaluation, classes: null, metadata: { ...parts.metadata, training_time: trainingTime } };
}

/** A random split of the design (stratified for classes), or all of it against the test data set. */
function splitParts<Y extends Int32Array | Float64Array>(
  design: Design,
  y: Y,
  testDesign: Design | null,
  yTest: Y | null,
  config: RunConfig,
  stratify: boolean,
): Parts<Y> {
  if (testDesign && yTest) {
    return {
      trainInputs: design.inputs,
      testInputs: testDesign.inputs,
      yTrain: y,
      yTest,
      metadata: {
        train_samples: y.length,
        test_samples: yTest.length,
        split: { test_dataset_id: config.testDatasetId },
        test_rows_dropped_missing_target: testDesign.rowsDroppedMissingTarget,
      },
    };
  }
  const split = trainTestSplit(y.length, config.testSize, config.randomState, stratify ? (y as Int32Array) : undefined);
  return {
    trainInputs: design.inputs.map((c) => takeInputRows(c, split.train)),
    testInputs: design.inputs.map((c) => takeInputRows(c, split.test)),
    yTrain: pick(y, split.train),
    yTest: pick(y, split.test),
    metadata: {
      train_samples: split.train.length,
      test_samples: split.test.length,
      split: { test_size: config.testSize, random_state: config.randomState, stratified: stratify },
    },
  };
}

/** The preprocessing learns from the training rows only, so nothing of the test rows leaks into the fit. */
function preprocess(preprocessor: TabularPreprocessor, config: RunConfig, parts: Parts<unknown>): { Xtrain: Matrix; Xtest: Matrix } {
  const Xtrain = preprocessor.fit(config.featureColumns, parts.trainInputs).transform(parts.trainInputs);
  return { Xtrain, Xtest: preprocessor.transform(parts.testInputs) };
}

/** Clustering fits and is scored on every row, in the preprocessed space the clusters live in. */
function fitClusterer(estimator: Clusterer, preprocessor: TabularPreprocessor, design: Design, config: RunConfig, ctx: FitContext): Fitted {
  const X = preprocessor.fit(config.featureColumns, design.inputs).transform(design.inputs);
  const trainingTime = timed(() => estimator.fit(X, ctx));
  const evaluation = evaluateClusterer(estimator, X);
  const nClusters = new Set(Array.from(estimator.labels).filter((l) => l >= 0)).size;
  const metadata = { train_samples: X.nRows, training_time: trainingTime, n_clusters_found: nClusters, scored_on: 'training rows' };
  return { evaluation, classes: null, metadata };
}

function modelInput(table: Table, name: string): ModelInput {
  const column = findColumn(table, name)!;
  return { name, dtype: column.dtype as ModelInput['dtype'] };
}

function targetValues(design: Design): Float64Array {
  const target = design.target!;
  if (target.dtype !== 'numeric') throw new Error(`target column '${target.name}' is not numeric`);
  return Float64Array.from(design.rows, (r) => target.values[r]);
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

function pick<T extends Int32Array | Float64Array>(values: T, rows: Uint32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}
