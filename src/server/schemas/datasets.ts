import { Type } from '@sinclair/typebox';
import { MAX_PREVIEW_ROWS } from '../../datasets/dataset-file.js';
import { DELIMITERS } from '../../datasets/sniff-dialect.js';
import { Dict, Nullable, StoredText } from './common.js';

const Dtype = Type.Union(['numeric', 'categorical', 'boolean', 'datetime', 'text'].map((d) => Type.Literal(d)), {
  description: 'numeric, categorical (one-hot encoded as a feature), boolean (true/false), datetime (year-first dates), text (too many distinct values to be a feature)',
});
const NumberOrDate = Nullable(Type.Union([Type.Number(), Type.String({ format: 'date-time' })]));

export const ColumnProfile = Type.Object(
  {
    name: Type.String(),
    dtype: Dtype,
    n_missing: Type.Integer(),
    n_unique: Type.Integer(),
    min: Type.Optional(NumberOrDate),
    max: Type.Optional(NumberOrDate),
    mean: Type.Optional(Nullable(Type.Number())),
    std: Type.Optional(Nullable(Type.Number({ description: "sample standard deviation (ddof 1, as pandas' describe); null below two values" }))),
    value_counts: Type.Optional(
      Dict(Type.Integer(), {
        description: 'value -> count; omitted past 1000 distinct values. Integer-like keys ("1", "10") come first in ascending order as JSON objects keep them: top_values has the frequency order',
      }),
    ),
    top_values: Type.Optional(Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }), { description: 'the 10 most frequent values, most frequent first' })),
    n_non_finite: Type.Optional(Type.Integer({ description: 'infinite or overflowing numbers, read as missing and counted in n_missing' })),
    notes: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const DatasetSource = Type.Object({
  format: Type.Union([Type.Literal('csv'), Type.Literal('json'), Type.Literal('jsonl')]),
  encoding: Type.Literal('utf-8'),
  bom: Type.Boolean(),
  delimiter: Nullable(Type.String()),
  decimal_separator: Type.Union([Type.Literal('.'), Type.Literal(',')]),
  missing_markers: Type.Array(Type.String()),
});

export const Dataset = Type.Object({
  id: Type.String(),
  name: Type.String(),
  n_rows: Type.Integer(),
  n_columns: Type.Integer(),
  columns: Type.Array(ColumnProfile),
  size_bytes: Type.Integer(),
  created_at: Type.String(),
  source: Type.Optional(DatasetSource),
});

export const UploadQuery = Type.Object(
  {
    name: Type.Optional(StoredText({ minLength: 1, maxLength: 200 })),
    delimiter: Type.Optional(
      Type.Union(DELIMITERS.map((d) => Type.Literal(d)), { description: 'CSV delimiter; detected when left out' }),
    ),
    decimal: Type.Optional(
      Type.Union([Type.Literal('.'), Type.Literal(',')], { description: 'decimal separator; by default "," for semicolon-delimited files, "." otherwise' }),
    ),
    na_values: Type.Optional(
      Type.String({ description: 'comma-separated cell texts read as missing, replacing the default NA,N/A,NaN,nan,null,NULL,None,? (the empty cell always is)' }),
    ),
  },
  { additionalProperties: false },
);
export const DatasetParams = Type.Object({ dataset_id: Type.String() });
export const PreviewQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: MAX_PREVIEW_ROWS, default: 20 }) });

export const DatasetPreview = Type.Object({
  dataset_id: Type.String(),
  columns: Type.Array(Type.String(), { description: 'column order (records keep it too, except keys JSON orders first)' }),
  rows: Type.Array(Dict(Nullable(Type.Union([Type.Number(), Type.String(), Type.Boolean()])))),
  n_rows: Type.Integer({ description: 'rows in the whole data set' }),
  source: DatasetSource,
});

export const DatasetDeleted = Type.Object({
  message: Type.String(),
  dataset_id: Type.String(),
  file_deleted: Type.Boolean(),
});
