import { DatasetError } from '../datasets/dataset-error.js';
import { PredictInputError, inputsFromCsv, inputsFromRecords } from './predict-input.js';
import { ModelUseError, canPredict, loadSavedModel, predict, type Predictions, type SavedModel } from './saved-model.js';
import { uncomputablePrediction } from './uncomputable-prediction.js';

/** One prediction call for a prediction thread; the model text comes only when the thread asks for it. */
export interface PredictionTask {
  runId: string;
  modelType: string;
  modelJson?: string;
  records?: Record<string, unknown>[];
  csv?: Uint8Array;
}

/** Errors travel as values: a thread's exceptions would reach the service without their kind. */
export type PredictionOutcome =
  | ({ kind: 'predicted' } & Predictions)
  | { kind: 'model-needed' }
  | { kind: 'refused'; reason: 'input' | 'model' | 'uncomputable'; message: string };

/** Loaded models this thread keeps: a forest decodes in milliseconds, but a burst of calls adds up. */
const CACHED_MODELS = 8;
const cache = new Map<string, SavedModel>();

/** Entry of a prediction thread: load (or reuse) the model, read the records, predict. */
export default async function runPredictionTask(task: PredictionTask): Promise<PredictionOutcome> {
  try {
    const model = task.modelJson === undefined ? remembered(task.runId) : remember(task.runId, task.modelJson);
    if (!model) return { kind: 'model-needed' };
    if (!canPredict(model)) {
      return { kind: 'refused', reason: 'model', message: `Model type '${task.modelType}' cannot label new data: it assigns clusters only to the rows it was trained on` };
    }
    const inputs = task.csv ? await inputsFromCsv(Buffer.from(task.csv), model.document) : inputsFromRecords(task.records ?? [], model.document);
    const predicted = predict(model, inputs.columns);
    const uncomputable = uncomputablePrediction(predicted, inputs.where);
    if (uncomputable !== null) return { kind: 'refused', reason: 'uncomputable', message: uncomputable };
    return { kind: 'predicted', ...predicted };
  } catch (err) {
    // A CSV body is read by the upload's reader: its errors (ragged rows, encodings) are the input's fault too.
    if (err instanceof PredictInputError || err instanceof DatasetError) return { kind: 'refused', reason: 'input', message: err.message };
    if (err instanceof ModelUseError) return { kind: 'refused', reason: 'model', message: err.message };
    throw err;
  }
}

function remembered(runId: string): SavedModel | undefined {
  const model = cache.get(runId);
  if (model) {
    // Re-inserted, so the map's order is least recently used first.
    cache.delete(runId);
    cache.set(runId, model);
  }
  return model;
}

function remember(runId: string, json: string): SavedModel {
  const model = loadSavedModel(json);
  cache.set(runId, model);
  if (cache.size > CACHED_MODELS) cache.delete(cache.keys().next().value!);
  return model;
}
