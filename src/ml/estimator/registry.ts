import { CLASSIC_MODEL_SPECS } from '../catalogue/classic-models.js';
import { CLUSTERING_MODEL_SPECS } from '../catalogue/clustering-models.js';
import { TREE_MODEL_SPECS } from '../catalogue/tree-models.js';
import type { Estimator } from './estimator.js';
import type { ModelSpec } from './model-spec.js';
import type { ModelState } from './model-state.js';
import { detectTaskType } from './task-type.js';

const TASK_ORDER = { classification: 0, regression: 1, clustering: 2 } as const;

/** The model catalogue as the API lists it: classification, then regression, then clustering. */
export const MODEL_SPECS: readonly ModelSpec[] = [...CLASSIC_MODEL_SPECS, ...TREE_MODEL_SPECS, ...CLUSTERING_MODEL_SPECS].sort(
  (a, b) => TASK_ORDER[a.taskType] - TASK_ORDER[b.taskType],
);

const byName = new Map<string, ModelSpec>();
for (const spec of MODEL_SPECS) {
  if (detectTaskType(spec.modelType) !== spec.taskType) {
    throw new Error(`catalogue error: ${spec.modelType} does not resolve to ${spec.taskType} by the keyword rules`);
  }
  for (const name of [spec.modelType, ...spec.aliases]) byName.set(name, spec);
}

/** Finds a model by its canonical name or an alias; undefined when unknown. */
export function findModelSpec(modelType: string): ModelSpec | undefined {
  return byName.get(modelType);
}

export function supportedModelTypes(): string[] {
  return MODEL_SPECS.map((s) => s.modelType);
}

/** Rebuilds a fitted estimator from its saved state. */
export function restoreModel(state: ModelState): Estimator {
  const spec = findModelSpec(state.modelType);
  if (!spec) throw new Error(`unknown model type in saved state: ${state.modelType}`);
  return spec.restore(state);
}
