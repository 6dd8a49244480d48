import { decisionTreeClassifierSpec, decisionTreeRegressorSpec } from '../tree/decision-tree.js';
import { randomForestClassifierSpec, randomForestRegressorSpec } from '../ensemble/random-forest.js';
import { logisticRegressionSpec } from '../linear/logistic-regression.js';
import { linearRegressionSpec } from '../linear/linear-regression.js';
import { knnClassifierSpec } from '../neighbors/knn-classifier.js';
import { kmeansSpec } from '../cluster/kmeans.js';
import type { Estimator } from './estimator.js';
import type { ModelSpec } from './model-spec.js';
import type { ModelState } from './model-state.js';
import { detectTaskType } from './task-type.js';

/** The model catalogue, in the order the API lists it. */
export const MODEL_SPECS: readonly ModelSpec[] = [
  logisticRegressionSpec,
  knnClassifierSpec,
  decisionTreeClassifierSpec,
  randomForestClassifierSpec,
  linearRegressionSpec,
  decisionTreeRegressorSpec,
  randomForestRegressorSpec,
  kmeansSpec,
];

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
