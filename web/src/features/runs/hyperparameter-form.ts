import type { HyperparameterEntry } from '../../lib/api-types.js';

/**
 * The form state of one hyperparameter. A parameter may accept several forms (max_features: an integer,
 * a fraction, "sqrt", "log2" or null), so the state is which form is picked plus the number typed for it.
 */
export interface FieldState {
  option: string;
  text: string;
}

export interface FieldOption {
  key: string;
  label: string;
}

type NumericRange = NonNullable<HyperparameterEntry['integer_range']>;
type ParsedValue = number | string | boolean | null;

const NUMBER = 'number';
const NONE = 'none';
const choiceKey = (choice: string) => `choice:${choice}`;

/** A plain true/false parameter is a checkbox; everything else a select of its forms (plus a number box). */
export function isToggle(def: HyperparameterEntry): boolean {
  return def.type.length === 1 && def.type[0] === 'boolean';
}

export function isNumeric(def: HyperparameterEntry): boolean {
  return def.integer_range !== undefined || def.number_range !== undefined;
}

/** A parameter with one allowed value and nothing to type (solver: "lbfgs" only): shown, but not editable. */
export function isFixed(def: HyperparameterEntry): boolean {
  return !isNumeric(def) && fieldOptions(def).length === 1;
}

export function fieldOptions(def: HyperparameterEntry): FieldOption[] {
  const options: FieldOption[] = [];
  if (isNumeric(def)) options.push({ key: NUMBER, label: def.number_range ? 'Number' : 'Integer' });
  for (const choice of def.choices ?? []) options.push({ key: choiceKey(choice), label: choice });
  if (def.type.includes('boolean')) options.push({ key: 'true', label: 'true' }, { key: 'false', label: 'false' });
  if (def.type.includes('null')) options.push({ key: NONE, label: 'None' });
  return options;
}

export function fieldFor(value: unknown): FieldState {
  if (value === null || value === undefined) return { option: NONE, text: '' };
  if (typeof value === 'number') return { option: NUMBER, text: String(value) };
  if (typeof value === 'boolean') return { option: String(value), text: '' };
  return { option: choiceKey(String(value)), text: '' };
}

export function showsNumberInput(state: FieldState): boolean {
  return state.option === NUMBER;
}

/** The value a field stands for, or why it is not allowed: the same bounds the server checks. */
export function parseField(def: HyperparameterEntry, state: FieldState): { value: ParsedValue } | { error: string } {
  if (state.option === NONE) return { value: null };
  if (state.option === 'true' || state.option === 'false') return { value: state.option === 'true' };
  if (state.option.startsWith('choice:')) return { value: state.option.slice('choice:'.length) };
  const text = state.text.trim();
  if (text === '') return { error: 'Enter a value' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: `“${text}” is not a number` };
  const asInteger = def.integer_range !== undefined && Number.isInteger(value) && inRange(value, def.integer_range);
  const asNumber = def.number_range !== undefined && inRange(value, def.number_range);
  return asInteger || asNumber ? { value } : { error: `Must be ${describeNumericForms(def)}` };
}

function inRange(value: number, range: NumericRange): boolean {
  if (range.minimum !== undefined && (range.exclusive_minimum ? value <= range.minimum : value < range.minimum)) return false;
  if (range.maximum !== undefined && (range.exclusive_maximum ? value >= range.maximum : value > range.maximum)) return false;
  return true;
}

/** "an integer ≥ 2, or a number > 0 and ≤ 1". */
export function describeNumericForms(def: HyperparameterEntry): string {
  const forms: string[] = [];
  if (def.integer_range) forms.push(`an integer${describeRange(def.integer_range)}`);
  if (def.number_range) forms.push(`a number${describeRange(def.number_range)}`);
  return forms.join(', or ');
}

function describeRange(range: NumericRange): string {
  const parts: string[] = [];
  if (range.minimum !== undefined) parts.push(`${range.exclusive_minimum ? '>' : '≥'} ${range.minimum}`);
  if (range.maximum !== undefined) parts.push(`${range.exclusive_maximum ? '<' : '≤'} ${range.maximum}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

/**
 * The request's `hyperparameters`: only the values that differ from the model's defaults, so a run
 * left at defaults stays seeded by the request's random_state; plus every field's error, if any.
 */
export function collectHyperparameters(
  defs: readonly HyperparameterEntry[],
  fields: Readonly<Record<string, FieldState>>,
): { values: Record<string, ParsedValue>; errors: Record<string, string> } {
  const values: Record<string, ParsedValue> = {};
  const errors: Record<string, string> = {};
  for (const def of defs) {
    const parsed = parseField(def, fields[def.name] ?? fieldFor(def.default));
    if ('error' in parsed) errors[def.name] = parsed.error;
    else if (parsed.value !== def.default) values[def.name] = parsed.value;
  }
  return { values, errors };
}
