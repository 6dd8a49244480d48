import { Type } from '@sinclair/typebox';
import { Dict } from './common.js';
import { MAX_PREDICT_RECORDS } from '../../training/predict-input.js';

export const PredictBody = Type.Object(
  {
    records: Type.Array(Dict(Type.Unknown()), {
      minItems: 1,
      maxItems: MAX_PREDICT_RECORDS,
      description: 'One object per row: every feature column as a key; null (or a missing marker) for a missing value',
    }),
  },
  { additionalProperties: false },
);

const Value = Type.Union([Type.Number(), Type.String(), Type.Boolean()]);

export const PredictResult = Type.Object({
  model_run_id: Type.String(),
  model_type: Type.String(),
  task_type: Type.String(),
  n_records: Type.Integer(),
  predictions: Type.Array(Value, {
    description: 'In record order: a class as the target column held it, a number for regression, a cluster index for clustering',
  }),
  probabilities: Type.Optional(
    Type.Array(Dict(Type.Number()), { description: 'Classifiers with probabilities: class -> probability, per record' }),
  ),
});
