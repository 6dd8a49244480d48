import { Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

export const CreateExperiment = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
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
