import { Type } from '@sinclair/typebox';
import { Nullable, StoredText } from './common.js';

export const CreateExperiment = Type.Object(
  {
    name: StoredText({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Nullable(StoredText({ maxLength: 5000 }))),
  },
  { additionalProperties: false },
);

export const Experiment = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  created_at: Type.String(),
});

export const ExperimentParams = Type.Object({ experiment_id: Type.String() });
