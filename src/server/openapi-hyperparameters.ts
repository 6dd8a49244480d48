import { MODEL_SPECS, type HyperparameterDef, type ModelSpec } from '../ml/index.js';

type Bounds = NonNullable<HyperparameterDef['int']>;
type JsonSchema = Record<string, unknown>;
type OpenApiDocument = { components?: { schemas?: Record<string, object> }; paths?: object };
/** The few levels of a path item this module reads, each possibly absent. */
type TrainPathItem = { post?: { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, object> } }> } } };

const TRAIN_PATH = '/api/v1/models/train';

/** The component name of one model's hyperparameter object. */
export function hyperparameterSchemaName(modelType: string): string {
  return `Hyperparameters_${modelType}`;
}

/**
 * Adds one schema per model to the OpenAPI document, derived from the declarations that validate
 * train requests, and points the train body's `hyperparameters` at them. The request schema itself
 * stays an open object: which model's parameters apply depends on `model_type`, which JSON Schema
 * cannot follow from a sibling property, so the catalogue checks them in the service.
 */
export function withHyperparameterSchemas<Doc extends OpenApiDocument>(document: Doc): Doc {
  const schemas: Record<string, object> = { ...document.components?.schemas };
  for (const spec of MODEL_SPECS) schemas[hyperparameterSchemaName(spec.modelType)] = modelSchema(spec);
  const train = (document.paths as Record<string, TrainPathItem> | undefined)?.[TRAIN_PATH];
  const body = train?.post?.requestBody?.content?.['application/json']?.schema;
  if (body?.properties?.hyperparameters) {
    body.properties.hyperparameters = {
      description:
        "The chosen model_type's parameters, with scikit-learn's (or XGBoost's, LightGBM's, CatBoost's) names: " +
        'one of the Hyperparameters_<model_type> schemas; unknown names and out-of-range values are a 400',
      nullable: true,
      anyOf: MODEL_SPECS.map((spec) => ({ $ref: `#/components/schemas/${hyperparameterSchemaName(spec.modelType)}` })),
    };
  }
  return { ...document, components: { ...document.components, schemas } };
}

function modelSchema(spec: ModelSpec): JsonSchema {
  const aliases = spec.aliases.length ? ` (also: ${spec.aliases.join(', ')})` : '';
  return {
    title: `${spec.modelType} hyperparameters`,
    description: `${spec.description}${aliases}`,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(spec.hyperparameters.map((def) => [def.name, valueSchema(def)])),
  };
}

function valueSchema(def: HyperparameterDef): JsonSchema {
  const forms: JsonSchema[] = [];
  if (def.int) forms.push({ type: 'integer', ...bounds(def.int) });
  if (def.float) forms.push({ type: 'number', ...bounds(def.float) });
  if (def.intList) forms.push({ type: 'array', minItems: 1, items: { type: 'integer', ...bounds(def.intList) } });
  if (def.choices) forms.push({ type: 'string', enum: [...def.choices] });
  if (def.bool) forms.push({ type: 'boolean' });
  const aliases = def.aliases?.length ? ` Also accepted as: ${def.aliases.join(', ')}.` : '';
  return {
    ...(forms.length === 1 ? forms[0] : { anyOf: forms }),
    ...(def.nullable ? { nullable: true } : {}),
    default: def.default,
    description: `${def.description}${aliases}`,
  };
}

/** OpenAPI 3.0 bounds: exclusivity is a flag beside the bound. */
function bounds(range: Bounds): JsonSchema {
  return {
    ...(range.min !== undefined ? { minimum: range.min, ...(range.exclusiveMin ? { exclusiveMinimum: true } : {}) } : {}),
    ...(range.max !== undefined ? { maximum: range.max, ...(range.exclusiveMax ? { exclusiveMaximum: true } : {}) } : {}),
  };
}
