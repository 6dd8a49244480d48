import { describe, expect, it } from 'vitest';
import { resolveHyperparameters } from './hyperparameters.js';
import { findModelSpec, MODEL_SPECS } from './registry.js';
import { detectTaskType } from './task-type.js';

/** Every name a model answers to: its canonical model_type, then its aliases. */
const NAMES = MODEL_SPECS.flatMap((spec) => [spec.modelType, ...spec.aliases].map((name) => [name, spec] as const));

/**
 * Aliases from the catalogue that carry none of the spec's keywords. A run requested under
 * one is stored and reported under its canonical model_type, whose keywords decide its task type.
 */
const KEYWORDLESS_ALIASES = ['gaussian_nb'];

describe('the model catalogue', () => {
  it.each(MODEL_SPECS.map((spec) => [spec.modelType, spec] as const))(
    '%s resolves to its task type by the keyword rules',
    (name, spec) => {
      expect(detectTaskType(name)).toBe(spec.taskType);
    },
  );

  it.each(NAMES.filter(([name, spec]) => name !== spec.modelType))(
    'alias %s resolves to its model and task type',
    (alias, spec) => {
      expect(findModelSpec(alias)).toBe(spec);
      const byKeywords = detectTaskType(alias);
      if (KEYWORDLESS_ALIASES.includes(alias)) expect(byKeywords).toBeNull();
      else expect(byKeywords).toBe(spec.taskType);
      expect(detectTaskType(findModelSpec(alias)!.modelType)).toBe(spec.taskType);
    },
  );

  it('gives every name to one model only, and finds each by it', () => {
    const names = NAMES.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const [name, spec] of NAMES) expect(findModelSpec(name)).toBe(spec);
  });

  it('lists classification, then regression, then clustering', () => {
    const order = MODEL_SPECS.map((spec) => ['classification', 'regression', 'clustering'].indexOf(spec.taskType));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('declares every hyperparameter once, with a default it accepts', () => {
    for (const spec of MODEL_SPECS) {
      const names = spec.hyperparameters.map((def) => def.name);
      expect(new Set(names).size, spec.modelType).toBe(names.length);
      expect(() => resolveHyperparameters(spec.modelType, spec.hyperparameters, {}), spec.modelType).not.toThrow();
    }
  });
});
