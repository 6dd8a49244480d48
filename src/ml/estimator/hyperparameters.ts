import { InvalidHyperparameterError } from './errors.js';

/** A numeric range; bounds are inclusive unless marked exclusive. */
export interface NumberRange {
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

/**
 * One declaration per hyperparameter: validation, the API schema and the catalogue all derive
 * from it. A value is valid when it fits any one of the accepted forms (scikit-learn's own
 * constraints: `max_features` takes an int, a fraction, "sqrt", "log2" or null).
 */
export interface HyperparameterDef {
  name: string;
  description: string;
  default: number | string | boolean | null;
  int?: NumberRange;
  float?: NumberRange;
  choices?: readonly string[];
  bool?: true;
  nullable?: true;
  /** A non-empty list of integers, each in this range (scikit-learn's hidden_layer_sizes tuple). */
  intList?: NumberRange;
  /** Other names the same parameter goes by in the library users come from (XGBoost's eta for learning_rate). */
  aliases?: readonly string[];
}

export type ResolvedParams = Record<string, number | string | boolean | null | number[]>;

/** Fills defaults and checks every given value; unknown names are rejected with the known ones listed. */
export function resolveHyperparameters(
  modelType: string,
  defs: readonly HyperparameterDef[],
  givenAsNamed: Record<string, unknown> = {},
): ResolvedParams {
  const given = canonicalNames(modelType, defs, givenAsNamed);
  const known = new Map(defs.map((d) => [d.name, d]));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const names = defs.map((d) => d.name).join(', ') || '(none)';
      throw new InvalidHyperparameterError(
        name,
        `Unknown hyperparameter '${name}' for ${modelType}. Allowed: ${names}`,
      );
    }
  }
  const resolved: ResolvedParams = {};
  for (const def of defs) {
    const value = Object.prototype.hasOwnProperty.call(given, def.name) ? given[def.name] : def.default;
    if (!accepts(def, value)) {
      throw new InvalidHyperparameterError(
        def.name,
        `Invalid hyperparameter '${def.name}' for ${modelType}: got ${JSON.stringify(value)}, allowed: ${describeAllowed(def)}`,
      );
    }
    resolved[def.name] = value as ResolvedParams[string];
  }
  return resolved;
}

/** The given values under their canonical names; a parameter given under two of its names is rejected. */
function canonicalNames(
  modelType: string,
  defs: readonly HyperparameterDef[],
  given: Record<string, unknown>,
): Record<string, unknown> {
  if (!defs.some((d) => d.aliases)) return given;
  const canonical: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    const def = defs.find((d) => d.name === name || d.aliases?.includes(name));
    const key = def?.name ?? name;
    if (Object.prototype.hasOwnProperty.call(canonical, key)) {
      throw new InvalidHyperparameterError(name, `Hyperparameter '${key}' of ${modelType} is given twice (as '${name}' too)`);
    }
    canonical[key] = value;
  }
  return canonical;
}

export function accepts(def: HyperparameterDef, value: unknown): boolean {
  if (value === null) return def.nullable === true;
  if (Array.isArray(value)) return def.intList !== undefined && value.length > 0 && value.every((v) => isIntegerIn(v, def.intList!));
  if (typeof value === 'boolean') return def.bool === true;
  if (typeof value === 'string') return def.choices?.includes(value) ?? false;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (def.int && Number.isInteger(value) && inRange(value, def.int)) return true;
  return def.float !== undefined && inRange(value, def.float);
}

function isIntegerIn(value: unknown, range: NumberRange): boolean {
  return typeof value === 'number' && Number.isInteger(value) && inRange(value, range);
}

function inRange(value: number, range: NumberRange): boolean {
  if (range.min !== undefined && (range.exclusiveMin ? value <= range.min : value < range.min)) return false;
  if (range.max !== undefined && (range.exclusiveMax ? value >= range.max : value > range.max)) return false;
  return true;
}

/** Human wording of what a parameter accepts, e.g. "an integer >= 1, or null". */
export function describeAllowed(def: HyperparameterDef): string {
  const forms: string[] = [];
  if (def.int) forms.push(`an integer${describeRange(def.int)}`);
  if (def.float) forms.push(`a number${describeRange(def.float)}`);
  if (def.intList) forms.push(`a list of integers${describeRange(def.intList)}`);
  if (def.choices) forms.push(`one of ${def.choices.map((c) => JSON.stringify(c)).join(', ')}`);
  if (def.bool) forms.push('true or false');
  if (def.nullable) forms.push('null');
  return forms.join(', or ');
}

function describeRange(range: NumberRange): string {
  const parts: string[] = [];
  if (range.min !== undefined) parts.push(`${range.exclusiveMin ? '>' : '>='} ${range.min}`);
  if (range.max !== undefined) parts.push(`${range.exclusiveMax ? '<' : '<='} ${range.max}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}
