import type { Estimator, ImportanceMethod, TaskType } from './estimator.js';
import type { HyperparameterDef, ResolvedParams } from './hyperparameters.js';
import type { ModelState } from './model-state.js';

/** Everything the service needs to know about one model: its catalogue entry and how to build or restore it. */
export interface ModelSpec {
  modelType: string;
  aliases: readonly string[];
  taskType: TaskType;
  family: string;
  description: string;
  /** Null when the model has no native importance (k-NN, clustering). */
  importanceMethod: ImportanceMethod | null;
  /** Whether the model's inputs should be standard-scaled by the default preprocessing. */
  needsScaling: boolean;
  hyperparameters: readonly HyperparameterDef[];
  /**
   * scikit-learn's checks between parameters that need no data (say, SGD's eta0 with its learning
   * rate): run on the resolved parameters before a run is queued, so a bad pair is a 400, not a
   * failed run. The model runs the same check again when it fits.
   */
  checkParams?(params: Readonly<ResolvedParams>): void;
  create(params: ResolvedParams): Estimator;
  restore(state: ModelState): Estimator;
}
