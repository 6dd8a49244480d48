import type { TaskType } from '../ml/index.js';

export const MODEL_FILE_FORMAT = 'trainyard-model';
export const MODEL_FILE_VERSION = 1;

/**
 * The saved model: one uncompressed, self-describing JSON document that src/ml alone can load
 * (typed arrays inside `estimator` and `preprocessing` are base64, see ml/estimator/state-codec.ts).
 */
export interface ModelDocument {
  format: typeof MODEL_FILE_FORMAT;
  format_version: typeof MODEL_FILE_VERSION;
  model_type: string;
  task_type: TaskType;
  feature_names: string[];
  target_column: string | null;
  /** Original class names in encoded order (classification only). */
  classes: string[] | null;
  preprocessing: { numeric_imputer: unknown };
  estimator: unknown;
}

export function isModelDocument(value: unknown): value is ModelDocument {
  const doc = value as Partial<ModelDocument> | null;
  return doc?.format === MODEL_FILE_FORMAT && doc.format_version === MODEL_FILE_VERSION;
}
