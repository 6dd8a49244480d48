import { Type } from '@sinclair/typebox';
import { Dict, MAX_OFFSET, Nullable, OpenObject, StringEnum } from './common.js';
import { PreprocessingBody } from './preprocessing.js';

const RunStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
const MetricValues = Dict(Nullable(Type.Number()), {
  description: 'Metric name to value; null where the metric is undefined for the data (see metric_warnings)',
});
const MetricWarnings = Dict(Type.String(), { description: 'Metric name to why it is null or conventional' });
const ImportanceDict = Dict(Type.Number(), { description: 'Feature name to importance (0-1)' });

export const TrainBody = Type.Object(
  {
    experiment_id: Type.String(),
    dataset_id: Type.String(),
    model_type: Type.String({ description: 'A model of GET /api/v1/models, or one of its aliases' }),
    target_column: Type.Optional(Nullable(Type.String())),
    feature_columns: Type.Optional(Nullable(Type.Array(Type.String(), { minItems: 1 }))),
    hyperparameters: Type.Optional(Nullable(OpenObject("Scikit-learn's parameter names; see GET /api/v1/models"))),
    test_size: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.2 })),
    random_state: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, default: 42 })),
    test_dataset_id: Type.Optional(
      Nullable(Type.String({ description: 'Train on the whole of dataset_id and score on this dataset instead of a split' })),
    ),
    preprocessing: Type.Optional(Nullable(PreprocessingBody)),
  },
  { additionalProperties: false },
);

export const TrainAccepted = Type.Object({
  model_run_id: Type.String(),
  task_id: Type.String(),
  experiment_id: Type.String(),
  model_type: Type.String(),
  task_type: Type.String(),
  status: RunStatus,
  created_at: Type.String(),
});

export const RunParams = Type.Object({ model_run_id: Type.String() });
export const RunsQuery = Type.Object({
  status: Type.Optional(RunStatus),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
});
export const ImportanceQuery = Type.Object({
  top_n: Type.Integer({ minimum: 1, default: 10 }),
  detail: StringEnum(['input', 'encoded'], {
    default: 'input',
    description: '"input": one entry per input column (one-hot parts summed); "encoded": one per encoded feature',
  }),
});

export const RunSummary = Type.Object({
  model_run_id: Type.String(),
  experiment_id: Type.String(),
  model_type: Type.String(),
  task_type: Type.String(),
  status: RunStatus,
  progress: Type.Number(),
  created_at: Type.String(),
  completed_at: Nullable(Type.String()),
  metrics: Nullable(MetricValues),
});

export const RunStatusBody = Type.Object({
  model_run_id: Type.String(),
  status: RunStatus,
  progress: Type.Number({ minimum: 0, maximum: 100 }),
  message: Nullable(Type.String()),
  created_at: Type.String(),
  started_at: Nullable(Type.String()),
  completed_at: Nullable(Type.String()),
  error: Nullable(Type.String()),
});

export const RunResult = Type.Object({
  model_run_id: Type.String(),
  experiment_id: Type.String(),
  model_type: Type.String(),
  status: RunStatus,
  metrics: Nullable(MetricValues),
  metric_warnings: MetricWarnings,
  feature_importance: Nullable(ImportanceDict),
  training_metadata: OpenObject('training_time, created_at, hyperparameters'),
  model_artifact_path: Nullable(Type.String()),
  created_at: Type.String(),
  completed_at: Nullable(Type.String()),
});

export const RunMetrics = Type.Object({
  model_run_id: Type.String(),
  model_type: Type.String(),
  task_type: Type.String(),
  metrics: MetricValues,
  metric_warnings: MetricWarnings,
  training_metadata: OpenObject('training_time, created_at, hyperparameters, train_samples, test_samples, n_features, ...'),
  feature_importance: Type.Optional(ImportanceDict),
});

const RankedFeature = Type.Object({
  feature: Type.String(),
  importance: Type.Number(),
  rank: Type.Integer(),
  input_column: Type.Optional(Type.String({ description: 'detail=encoded: the input column the feature was encoded from' })),
});

export const RunImportance = Type.Object({
  model_run_id: Type.String(),
  model_type: Type.String(),
  task_type: Type.String(),
  has_feature_importance: Type.Boolean(),
  feature_importance: Nullable(Type.Array(RankedFeature)),
  feature_importance_dict: Nullable(ImportanceDict),
  total_features: Type.Integer(),
  top_features: Nullable(Type.Array(RankedFeature)),
  importance_method: Nullable(Type.String()),
  message: Nullable(Type.String()),
  coefficients: Type.Optional(
    Dict(Type.Array(Type.Number()), {
      description: 'Linear models: signed coefficients per encoded feature (as detail=encoded names them), one per class row',
    }),
  ),
});

export const RunDeleted = Type.Object({
  message: Type.String(),
  deletion_summary: Type.Object({
    model_run_id: Type.String(),
    model_type: Type.String(),
    status: RunStatus,
    task_revoked: Type.Boolean(),
    artifact_deleted: Type.Boolean(),
    database_record_deleted: Type.Boolean(),
  }),
  timestamp: Type.String(),
});

const NumericRange = Type.Object(
  {
    minimum: Type.Optional(Type.Number()),
    exclusive_minimum: Type.Optional(Type.Boolean()),
    maximum: Type.Optional(Type.Number()),
    exclusive_maximum: Type.Optional(Type.Boolean()),
  },
  { description: 'Bounds of one numeric form (integer or number) of a hyperparameter' },
);

const Hyperparameter = Type.Object({
  name: Type.String(),
  type: Type.Array(Type.String()),
  default: Type.Unknown(),
  allowed: Type.String(),
  description: Type.String(),
  minimum: Type.Optional(Type.Number()),
  maximum: Type.Optional(Type.Number()),
  choices: Type.Optional(Type.Array(Type.String())),
  integer_range: Type.Optional(NumericRange),
  number_range: Type.Optional(NumericRange),
});

export const ModelCatalogue = Type.Object({
  items: Type.Array(
    Type.Object({
      model_type: Type.String(),
      aliases: Type.Array(Type.String()),
      task_type: Type.String(),
      family: Type.String(),
      description: Type.String(),
      supports_feature_importance: Type.Boolean(),
      importance_method: Nullable(Type.String()),
      hyperparameters: Type.Array(Hyperparameter),
    }),
  ),
  total: Type.Integer(),
});
