/** The engine's only public entry: everything outside src/ml imports from here. */
export type { Matrix } from './core/matrix.js';
export { createMatrix, takeRows, column, matrixFromRows } from './core/matrix.js';
export type {
  Classifier,
  Clusterer,
  Estimator,
  FeatureImportance,
  FitContext,
  ImportanceMethod,
  Regressor,
  TaskType,
} from './estimator/estimator.js';
export { InvalidHyperparameterError, InvalidTrainingDataError, NotFittedError } from './estimator/errors.js';
export type { HyperparameterDef, ResolvedParams } from './estimator/hyperparameters.js';
export { describeAllowed, resolveHyperparameters } from './estimator/hyperparameters.js';
export type { ModelSpec } from './estimator/model-spec.js';
export type { ModelState } from './estimator/model-state.js';
export { decodeState, encodeState } from './estimator/state-codec.js';
export { MODEL_SPECS, findModelSpec, restoreModel, supportedModelTypes } from './estimator/registry.js';
export { detectTaskType } from './estimator/task-type.js';
export type { NumericImputation } from './preprocessing/simple-imputer.js';
export type { CategoricalImputation } from './preprocessing/category-imputer.js';
export type { InputColumn } from './preprocessing/input-column.js';
export { takeInputRows } from './preprocessing/input-column.js';
export type { PreprocessingOptions } from './preprocessing/tabular-preprocessor.js';
export { TabularPreprocessor } from './preprocessing/tabular-preprocessor.js';
export { trainTestSplit } from './preprocessing/split.js';
export { classificationReport } from './metrics/classification.js';
export { regressionReport } from './metrics/regression.js';
export { clusteringReport } from './metrics/clustering.js';
