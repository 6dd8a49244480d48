import type { DatasetBody, ModelEntry, TrainRequestBody } from '../../lib/api-types.js';
import { collectHyperparameters, type FieldState } from './hyperparameter-form.js';

/** The largest seed the API accepts (an unsigned 32-bit integer, like numpy's). */
const MAX_SEED = 4294967295;

export interface RunDraft {
  experimentId: string;
  dataset: DatasetBody;
  model: ModelEntry;
  targetColumn: string | null;
  featureColumns: string[];
  fields: Record<string, FieldState>;
  testSize: string;
  seed: string;
}

/** Field -> what is wrong with it: hyperparameters by their own names, then target_column, feature_columns, test_size and seed. */
type DraftErrors = Record<string, string>;

export function needsTarget(model: ModelEntry): boolean {
  return model.task_type !== 'clustering';
}

/** Column types that cannot be a class label (the API refuses them as a classification target). */
const NOT_CLASSES = new Set<string>(['datetime']);
/** Column types with too many distinct values to encode as a feature (free text). */
const NOT_FEATURES = new Set<string>(['text']);

/** Columns a model can predict: regression needs a numeric target, classification a column of classes. */
export function targetCandidates(dataset: DatasetBody, model: ModelEntry): string[] {
  if (!needsTarget(model)) return [];
  const fits = (dtype: string) => (model.task_type === 'regression' ? dtype === 'numeric' : !NOT_CLASSES.has(dtype));
  return dataset.columns.filter((c) => fits(c.dtype)).map((c) => c.name);
}

/** Columns that can be features: not the target, not free text, not empty (the API refuses those with a 400). */
export function featureCandidates(dataset: DatasetBody, targetColumn: string | null): string[] {
  return dataset.columns.filter((c) => c.name !== targetColumn && c.n_unique > 0 && !NOT_FEATURES.has(c.dtype)).map((c) => c.name);
}

/**
 * The features ticked when the data or the model changes: every candidate, except that a clustering
 * model leaves out the column the user had as the target: it is the label, and clustering on it would
 * hand the model the grouping it is meant to find. It stays listed, to be ticked on purpose.
 */
export function defaultFeatures(dataset: DatasetBody, model: ModelEntry, targetColumn: string | null, formerTarget: string | null): string[] {
  const candidates = featureCandidates(dataset, targetColumn);
  return needsTarget(model) ? candidates : candidates.filter((name) => name !== formerTarget);
}

/** The default target: the last column that fits (the usual place for a label in a CSV). */
export function defaultTarget(dataset: DatasetBody, model: ModelEntry): string | null {
  const candidates = targetCandidates(dataset, model);
  return candidates.length ? candidates[candidates.length - 1] : null;
}

/** Checks the whole draft the way the API would, and builds the train request when nothing is wrong. */
export function buildTrainRequest(draft: RunDraft): { body: TrainRequestBody; errors: null } | { body: null; errors: DraftErrors } {
  const { values, errors } = collectHyperparameters(draft.model.hyperparameters, draft.fields);
  const supervised = needsTarget(draft.model);
  if (supervised && draft.targetColumn === null) errors.target_column = 'Pick the column to predict';
  if (draft.featureColumns.length === 0) errors.feature_columns = 'Pick at least one feature column';
  const testSize = Number(draft.testSize);
  if (supervised && !(draft.testSize.trim() !== '' && testSize > 0 && testSize < 1)) {
    errors.test_size = 'Must be a number between 0 and 1 (exclusive), e.g. 0.2';
  }
  const seed = Number(draft.seed);
  if (draft.seed.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    errors.seed = `Must be a whole number from 0 to ${MAX_SEED}`;
  }
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return {
    errors: null,
    body: {
      experiment_id: draft.experimentId,
      dataset_id: draft.dataset.id,
      model_type: draft.model.model_type,
      ...(supervised ? { target_column: draft.targetColumn, test_size: testSize } : {}),
      feature_columns: draft.featureColumns,
      hyperparameters: values,
      random_state: seed,
    },
  };
}
