import { Type } from '@sinclair/typebox';
import { PREPROCESSING_DEFAULTS } from '../../training/preprocessing-config.js';
import { StringEnum } from './common.js';

const d = PREPROCESSING_DEFAULTS;

// Defaults are named in the descriptions, not as `default`: inside a nullable object a JSON-schema
// default is never applied, and the resolved values are filled in by resolvePreprocessing.
/** The train request's `preprocessing`: scikit-learn's usual ColumnTransformer, fitted on the training rows only. */
export const PreprocessingBody = Type.Object(
  {
    numeric_imputation: Type.Optional(
      StringEnum(['mean', 'median', 'constant'], { description: `how missing numbers (and datetime parts) are filled; default "${d.numeric_imputation}"` }),
    ),
    numeric_fill_value: Type.Optional(Type.Number({ description: `the value of numeric_imputation "constant"; default ${d.numeric_fill_value}` })),
    categorical_imputation: Type.Optional(
      StringEnum(['most_frequent', 'constant'], { description: `how missing categories are filled before one-hot encoding; default "${d.categorical_imputation}"` }),
    ),
    categorical_fill_value: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: `the category of categorical_imputation "constant"; default "${d.categorical_fill_value}"` }),
    ),
    scaling: Type.Optional(
      StringEnum(['auto', 'standard', 'none'], {
        description: `standard scaling of numeric features; "auto" (the default) scales for the models that need it (linear, k-NN, k-means), like a scikit-learn pipeline`,
      }),
    ),
  },
  { additionalProperties: false, description: 'Preprocessing choices; the resolved ones are stored in the run config and training_metadata.preprocessing' },
);
