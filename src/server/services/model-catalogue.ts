import { MODEL_SPECS, describeAllowed, type HyperparameterDef } from '../../ml/index.js';

type NumberRange = NonNullable<HyperparameterDef['int']>;

/** The catalogue as the API shows it, derived from the same declarations that validate train requests. */
export function modelCatalogue() {
  const items = MODEL_SPECS.map((spec) => ({
    model_type: spec.modelType,
    aliases: [...spec.aliases],
    task_type: spec.taskType,
    family: spec.family,
    description: spec.description,
    supports_feature_importance: spec.importanceMethod !== null,
    importance_method: spec.importanceMethod,
    hyperparameters: spec.hyperparameters.map(describeHyperparameter),
  }));
  return { items, total: items.length };
}

function describeHyperparameter(def: HyperparameterDef) {
  const types: string[] = [];
  if (def.int) types.push('integer');
  if (def.float) types.push('number');
  if (def.intList) types.push('array');
  if (def.choices) types.push('string');
  if (def.bool) types.push('boolean');
  if (def.nullable) types.push('null');
  const range = def.int ?? def.float;
  return {
    name: def.name,
    type: types,
    default: def.default,
    allowed: describeAllowed(def),
    description: def.description,
    ...(range?.min !== undefined ? { minimum: range.min } : {}),
    ...(range?.max !== undefined ? { maximum: range.max } : {}),
    ...(def.choices ? { choices: [...def.choices] } : {}),
    // Each numeric form's own bounds and whether they are exclusive, so a form can check a value before submitting.
    ...(def.int ? { integer_range: describeRange(def.int) } : {}),
    ...(def.float ? { number_range: describeRange(def.float) } : {}),
  };
}

function describeRange(range: NumberRange) {
  return {
    ...(range.min !== undefined ? { minimum: range.min, exclusive_minimum: range.exclusiveMin === true } : {}),
    ...(range.max !== undefined ? { maximum: range.max, exclusive_maximum: range.exclusiveMax === true } : {}),
  };
}
