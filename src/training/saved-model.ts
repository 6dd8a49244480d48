import { TabularPreprocessor, decodeState, restoreModel, type Estimator, type InputColumn, type Matrix } from '../ml/index.js';
import { isModelDocument, type ModelDocument } from '../artifacts/model-file.js';

export interface SavedModel {
  document: ModelDocument;
  preprocessor: TabularPreprocessor;
  estimator: Estimator;
}

/** The JSON value of a prediction: a class as the target held it, a number, or a cluster index. */
export type PredictedValue = string | number | boolean;

export interface Predictions {
  predictions: PredictedValue[];
  /** Per record, class name -> probability; classifiers that have probabilities only. */
  probabilities?: Record<string, number>[];
}

/** What a saved model cannot do: load from a file format this server does not read, or label new rows. */
export class ModelUseError extends Error {
  override name = 'ModelUseError';
}

/** Rebuilds a model from its saved document (the JSON text of `<run>.json`), needing nothing else. */
export function loadSavedModel(json: string): SavedModel {
  const document: unknown = JSON.parse(json);
  if (!isModelDocument(document)) {
    const version = (document as { format_version?: unknown } | null)?.format_version;
    throw new ModelUseError(`the model file has format_version ${String(version)}, which this server cannot load: retrain the model`);
  }
  return {
    document,
    preprocessor: TabularPreprocessor.fromState(decodeState(document.preprocessing)),
    estimator: restoreModel(decodeState(document.estimator)),
  };
}

/** Whether the model can answer for new rows: every classifier and regressor, and clusterers with predict. */
export function canPredict(model: SavedModel): boolean {
  return model.estimator.task !== 'clustering' || model.estimator.predict !== undefined;
}

/** Raw predictions (class indices for classifiers) for raw input columns, preprocessed as in training. */
function predictRaw(model: SavedModel, inputs: InputColumn[]): { values: Int32Array | Float64Array; proba: Matrix | null } {
  const X = model.preprocessor.transform(inputs);
  const estimator = model.estimator;
  if (estimator.task === 'classification') return { values: estimator.predict(X), proba: estimator.predictProba(X) };
  if (estimator.task === 'regression') return { values: estimator.predict(X), proba: null };
  if (!estimator.predict) throw new ModelUseError(`${estimator.modelType} cannot assign new data to clusters`);
  return { values: estimator.predict(X), proba: null };
}

/** Predictions in the target's own values: class names decoded, probabilities keyed by class. */
export function predict(model: SavedModel, inputs: InputColumn[]): Predictions {
  const { values, proba } = predictRaw(model, inputs);
  const classes = model.document.classes;
  if (!classes) return { predictions: Array.from(values) };
  const decode = classDecoder(model.document.target_dtype);
  const predictions = Array.from(values, (code) => decode(classes[code]));
  if (!proba) return { predictions };
  const n = proba.nRows;
  const probabilities = Array.from({ length: n }, (_, r) => Object.fromEntries(classes.map((name, k) => [name, proba.data[k * n + r]])));
  return { predictions, probabilities };
}

function classDecoder(dtype: ModelDocument['target_dtype']): (name: string) => PredictedValue {
  if (dtype === 'numeric') return Number;
  if (dtype === 'boolean') return (name) => name === 'true';
  return (name) => name;
}
