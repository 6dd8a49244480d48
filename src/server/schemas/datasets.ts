import { Type } from '@sinclair/typebox';
import { Nullable } from './common.js';

export const ColumnProfile = Type.Object(
  {
    name: Type.String(),
    dtype: Type.Union([Type.Literal('numeric'), Type.Literal('categorical')]),
    n_missing: Type.Integer(),
    n_unique: Type.Integer(),
    min: Type.Optional(Nullable(Type.Number())),
    max: Type.Optional(Nullable(Type.Number())),
    mean: Type.Optional(Nullable(Type.Number())),
    std: Type.Optional(Nullable(Type.Number())),
    value_counts: Type.Optional(Type.Record(Type.String(), Type.Integer())),
  },
  { additionalProperties: false },
);

export const Dataset = Type.Object({
  id: Type.String(),
  name: Type.String(),
  n_rows: Type.Integer(),
  n_columns: Type.Integer(),
  columns: Type.Array(ColumnProfile),
  size_bytes: Type.Integer(),
  created_at: Type.String(),
});

export const UploadQuery = Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });
export const DatasetParams = Type.Object({ dataset_id: Type.String() });
