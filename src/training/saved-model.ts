import { MeanImputer, decodeState, restoreModel, type Estimator, type Matrix } from '../ml/index.js';
import { isModelDocument, type ModelDocument } from '../artifacts/model-file.js';

export interface SavedModel {
  document: ModelDocument;
  estimator: Estimator;
  imputer: MeanImputer;
}

/** Rebuilds a model from its saved document (the JSON text of `<run>.json`), needing nothing else. */
export function loadSavedModel(json: string): SavedModel {
  const document: unknown = JSON.parse(json);
  if (!isModelDocument(document)) throw new Error('not a Trainyard model file (format/format_version missing or unknown)');
  const imputerState = decodeState(document.preprocessing.numeric_imputer).fitted as { means: Float64Array };
  return {
    document,
    estimator: restoreModel(decodeState(document.estimator)),
    imputer: MeanImputer.fromState(imputerState),
  };
}

/** Predictions for raw feature rows (NaN = missing), imputed as in training. Class indices for classifiers. */
export function predictWith(model: SavedModel, X: Matrix): Int32Array | Float64Array {
  model.imputer.transformInPlace(X);
  const estimator = model.estimator;
  if (estimator.task !== 'clustering') return estimator.predict(X);
  if (!estimator.predict) throw new Error(`${estimator.modelType} cannot assign new points to clusters`);
  return estimator.predict(X);
}
