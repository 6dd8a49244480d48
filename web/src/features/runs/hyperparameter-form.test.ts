import { describe, expect, it } from 'vitest';
import { BOOTSTRAP, C, MAX_FEATURES, N_ESTIMATORS, SEED, hyperparameter } from '../../testing/builders.js';
import { collectHyperparameters, describeNumericForms, fieldFor, fieldOptions, isFixed, isToggle, parseField } from './hyperparameter-form.js';

describe('hyperparameter form', () => {
  it('offers each accepted form: a number, the choices, None', () => {
    expect(fieldOptions(MAX_FEATURES).map((o) => o.key)).toEqual(['number', 'choice:sqrt', 'choice:log2', 'none']);
    expect(fieldOptions(N_ESTIMATORS)).toEqual([{ key: 'number', label: 'Integer' }]);
    expect(fieldOptions(SEED).map((o) => o.label)).toEqual(['Integer', 'None']);
    expect([BOOTSTRAP, C].map(isToggle)).toEqual([true, false]);
  });

  it('fixes a parameter with a single allowed value and nothing to type', () => {
    const solver = hyperparameter({ name: 'solver', type: ['string'], default: 'lbfgs', choices: ['lbfgs'] });
    expect(fieldOptions(solver)).toEqual([{ key: 'choice:lbfgs', label: 'lbfgs' }]);
    expect([solver, N_ESTIMATORS, MAX_FEATURES, SEED].map(isFixed)).toEqual([true, false, false, false]);
  });

  it('starts every field at the default', () => {
    expect([fieldFor(100), fieldFor('sqrt'), fieldFor(null), fieldFor(true)]).toEqual([
      { option: 'number', text: '100' },
      { option: 'choice:sqrt', text: '' },
      { option: 'none', text: '' },
      { option: 'true', text: '' },
    ]);
  });

  it('checks a typed number against its form’s bounds, exclusive ones included', () => {
    const typed = (def: typeof C, text: string) => parseField(def, { option: 'number', text });
    expect(typed(C, '0')).toEqual({ error: 'Must be a number > 0' });
    expect(typed(C, '0.01')).toEqual({ value: 0.01 });
    expect(typed(N_ESTIMATORS, '2.5')).toEqual({ error: 'Must be an integer ≥ 1' });
    expect(typed(N_ESTIMATORS, ' 50 ')).toEqual({ value: 50 });
    expect(typed(N_ESTIMATORS, '')).toEqual({ error: 'Enter a value' });
    expect(typed(N_ESTIMATORS, 'ten')).toEqual({ error: '“ten” is not a number' });
    // max_features: 3 is a count, 0.5 a fraction, 1.5 neither.
    expect([typed(MAX_FEATURES, '3'), typed(MAX_FEATURES, '0.5'), typed(MAX_FEATURES, '1.5')]).toEqual([
      { value: 3 },
      { value: 0.5 },
      { error: 'Must be an integer ≥ 1, or a number > 0 and ≤ 1' },
    ]);
    expect(describeNumericForms(MAX_FEATURES)).toBe('an integer ≥ 1, or a number > 0 and ≤ 1');
  });

  it('sends only what differs from the defaults, and every error', () => {
    const defs = [N_ESTIMATORS, C, MAX_FEATURES, BOOTSTRAP, SEED];
    const fields = {
      n_estimators: { option: 'number', text: '100' },
      C: { option: 'number', text: '-1' },
      max_features: { option: 'none', text: '' },
      bootstrap: { option: 'false', text: '' },
    };
    expect(collectHyperparameters(defs, fields)).toEqual({
      values: { max_features: null, bootstrap: false },
      errors: { C: 'Must be a number > 0' },
    });
  });
});
