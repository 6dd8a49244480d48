import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts } from '../../src/ml/estimator/hyperparameters.js';
import { MODEL_SPECS } from '../../src/ml/index.js';
import { fieldOptions, isNumeric, parseField } from '../../web/src/features/runs/hyperparameter-form.js';
import type { CatalogueBody } from '../../web/src/lib/api-types.js';
import { ApiClient } from '../helpers/api-client.js';
import { startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

/** Numbers at and around every bound the declarations use, plus seeds past 32 bits. */
const PROBES = [-1, 0, 1e-4, 0.5, 1, 1.5, 2, 2.5, 3, 255, 256, 1e9, 4294967295, 4294967296];

describe('the catalogue’s numeric ranges', () => {
  let trainyard: TestTrainyard;
  let catalogue: CatalogueBody;

  beforeAll(async () => {
    trainyard = await startTrainyard();
    const user = await ApiClient.register(trainyard.app);
    const res = await user.request('GET', '/api/v1/models');
    expect(res.statusCode).toBe(200);
    catalogue = res.json();
  });
  afterAll(() => trainyard.dispose());

  const entry = (modelType: string, name: string) =>
    catalogue.items.find((m) => m.model_type === modelType)!.hyperparameters.find((h) => h.name === name)!;

  it('gives each numeric form its own bounds and whether they are exclusive', () => {
    expect(entry('logistic_regression', 'C').number_range).toEqual({ minimum: 0, exclusive_minimum: true });
    expect(entry('logistic_regression', 'C').integer_range).toBeUndefined();
    expect(entry('random_forest_classifier', 'max_features')).toMatchObject({
      integer_range: { minimum: 1, exclusive_minimum: false },
      number_range: { minimum: 0, exclusive_minimum: true, maximum: 1, exclusive_maximum: false },
    });
    // JSON's 1 is a count, and scikit-learn refuses the count 1, so the fraction form stops short of 1.
    expect(entry('decision_tree_classifier', 'min_samples_split')).toMatchObject({
      integer_range: { minimum: 2, exclusive_minimum: false },
      number_range: { minimum: 0, exclusive_minimum: true, maximum: 1, exclusive_maximum: true },
    });
    expect(entry('random_forest_classifier', 'n_estimators').integer_range).toEqual({ minimum: 1, exclusive_minimum: false });
    expect(entry('linear_regression', 'fit_intercept').integer_range).toBeUndefined();
  });

  it('lets the dashboard form accept exactly the values the server accepts, for every hyperparameter', () => {
    let checked = 0;
    for (const spec of MODEL_SPECS) {
      for (const def of spec.hyperparameters) {
        const described = entry(spec.modelType, def.name);
        // The select offers every non-numeric form the server takes, and each is a value the server takes.
        const offered = fieldOptions(described).map((option) => option.key);
        expect(offered).toEqual(expect.arrayContaining([...(def.choices ?? []).map((c) => `choice:${c}`), ...(def.nullable ? ['none'] : [])]));
        for (const option of fieldOptions(described)) {
          const parsed = parseField(described, { option: option.key, text: '' });
          if ('value' in parsed) expect(accepts(def, parsed.value), `${spec.modelType}.${def.name}=${option.key}`).toBe(true);
        }
        // A typed number passes the form's check exactly when the server's check passes.
        for (const value of isNumeric(described) ? PROBES : []) {
          const parsed = parseField(described, { option: 'number', text: String(value) });
          expect('value' in parsed, `${spec.modelType}.${def.name}=${value}`).toBe(accepts(def, value));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
