import type { TaskType } from '../ml/index.js';

export const MODEL_FILE_FORMAT = 'trainyard-model';
/** 2: the preprocessing pipeline (imputers, one-hot encoder, scaler, datetime parts) and typed inputs. */
export const MODEL_FILE_VERSION = 2;

/** An input column as the model expects it; dtype as the data set's profile names it. */
export interface ModelInput {
  name: string;
  dtype: 'numeric' | 'boolean' | 'datetime' | 'categorical';
}

/**
 * The saved model: one uncompressed, self-describing JSON document that src/ml alone can load
 * (typed arrays inside `preprocessing` and `estimator` are base64, see ml/estimator/state-codec.ts).
 * A prediction runs the raw input columns through `preprocessing` (a TabularPreprocessor state),
 * then `estimator`; a class index i decodes to `classes[i]`.
 */
export interface ModelDocument {
  format: typeof MODEL_FILE_FORMAT;
  format_version: typeof MODEL_FILE_VERSION;
  model_type: string;
  task_type: TaskType;
  /** The input columns, in the order the pipeline takes them. */
  feature_names: string[];
  inputs: ModelInput[];
  /** The columns the estimator sees after preprocessing (`age`, `island=Biscoe`, `date.month`). */
  encoded_feature_names: string[];
  /** Cell texts read as missing in the training data, and so in a prediction request. */
  missing_markers: string[];
  target_column: string | null;
  /** How class names turn back into values: numbers for a numeric target, booleans for a boolean one. */
  target_dtype: 'numeric' | 'boolean' | 'categorical' | 'text' | null;
  /** Original class names in encoded order (classification only). */
  classes: string[] | null;
  preprocessing: unknown;
  estimator: unknown;
}

export function isModelDocument(value: unknown): value is ModelDocument {
  const doc = value as Partial<ModelDocument> | null;
  return doc?.format === MODEL_FILE_FORMAT && doc.format_version === MODEL_FILE_VERSION;
}
