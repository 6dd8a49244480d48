import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { loadFixture, sampleCsv, startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

interface PenguinsParity {
  classes: string[];
  featureNames: string[];
  coefficients: Record<string, number[]>;
  trainSamples: number;
  testSamples: number;
  metrics: Record<string, number>;
  firstTestProba: Record<string, number>;
}

const parity = loadFixture<{ penguins: PenguinsParity }>('preprocessing.json').penguins;
const fixtureCsv = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'parity', name), 'utf8');
const PENGUIN_FEATURES = ['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'];

describe('real data through the preprocessing pipeline', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  let experimentId: string;
  let penguinsId: string;

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
    experimentId = await user.createExperiment('real data');
    penguinsId = await user.uploadCsv(sampleCsv('penguins.csv'), 'penguins');
  });
  afterAll(async () => ty.dispose());

  const train = (body: Record<string, unknown>) => user.request('POST', '/api/v1/models/train', { experiment_id: experimentId, ...body });
  const metricsOf = async (runId: string) => (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();

  it('profiles penguins: categories, missing values, names with spaces', async () => {
    const dataset = (await user.request('GET', `/api/v1/datasets/${penguinsId}`)).json();
    expect(dataset.columns.map((c: { name: string; dtype: string; n_missing: number }) => [c.name, c.dtype, c.n_missing])).toEqual([
      ['Species', 'categorical', 0],
      ['Island', 'categorical', 0],
      ['Beak Length (mm)', 'numeric', 2],
      ['Beak Depth (mm)', 'numeric', 2],
      ['Flipper Length (mm)', 'numeric', 2],
      ['Body Mass (g)', 'numeric', 2],
      ['Sex', 'categorical', 10],
    ]);
    expect(dataset.columns[0].top_values).toEqual([
      { value: 'Adelie', count: 152 },
      { value: 'Gentoo', count: 124 },
      { value: 'Chinstrap', count: 68 },
    ]);
  });

  it('trains a forest on penguins with importance per input column, and per encoded feature on request', async () => {
    const accepted = await train({ dataset_id: penguinsId, model_type: 'random_forest_classifier', target_column: 'Species', hyperparameters: { n_estimators: 50 } });
    const runId = accepted.json().model_run_id;
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const metrics = await metricsOf(runId);
    expect(metrics.metrics.accuracy).toBeGreaterThan(0.95);
    expect(metrics.training_metadata).toMatchObject({
      feature_names: PENGUIN_FEATURES,
      n_features: 6,
      n_encoded_features: 10,
      classes: ['Adelie', 'Chinstrap', 'Gentoo'],
      rows_dropped_missing_target: 0,
      train_samples: 275,
      test_samples: 69,
      preprocessing: { numeric_imputation: 'mean', numeric_fill_value: 0, categorical_imputation: 'most_frequent', categorical_fill_value: 'missing', scaling: 'none' },
    });
    const byInput = metrics.feature_importance as Record<string, number>;
    expect(Object.keys(byInput)).toEqual(PENGUIN_FEATURES);
    expect(Object.values(byInput).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    const encoded = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance?detail=encoded&top_n=3`)).json();
    expect(encoded.total_features).toBe(10);
    expect(encoded.top_features).toHaveLength(3);
    const parts = encoded.feature_importance as { feature: string; importance: number; input_column: string }[];
    expect(parts.map((p) => p.feature).sort()).toEqual(
      ['Beak Depth (mm)', 'Beak Length (mm)', 'Body Mass (g)', 'Flipper Length (mm)', 'Island=Biscoe', 'Island=Dream', 'Island=Torgersen', 'Sex=.', 'Sex=FEMALE', 'Sex=MALE'],
    );
    // An input column's importance is the sum of its encoded parts.
    for (const input of PENGUIN_FEATURES) {
      const sum = parts.filter((p) => p.input_column === input).reduce((s, p) => s + p.importance, 0);
      expect(sum).toBeCloseTo(byInput[input], 12);
    }
  });

  it('scales for logistic regression by default and stores the resolved choices', async () => {
    const runId = (await train({
      dataset_id: penguinsId,
      model_type: 'logistic_regression',
      target_column: 'Species',
      preprocessing: { numeric_imputation: 'median', categorical_imputation: 'constant' },
    })).json().model_run_id;
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const metrics = await metricsOf(runId);
    expect(metrics.training_metadata.preprocessing).toEqual({
      numeric_imputation: 'median',
      numeric_fill_value: 0,
      categorical_imputation: 'constant',
      categorical_fill_value: 'missing',
      scaling: 'standard',
    });
    // A constant fill is a category of its own: Sex gains "missing".
    expect(metrics.training_metadata.n_encoded_features).toBe(11);
    expect(metrics.metrics.accuracy).toBeGreaterThan(0.95);
  });

  it('trains seattle-weather with its date column as numeric parts', async () => {
    const datasetId = await user.uploadCsv(sampleCsv('seattle-weather.csv'), 'seattle-weather');
    const dataset = (await user.request('GET', `/api/v1/datasets/${datasetId}`)).json();
    expect(dataset.columns[0]).toMatchObject({ name: 'date', dtype: 'datetime', min: '2012-01-01T00:00:00.000Z', max: '2015-12-31T00:00:00.000Z' });
    const runId = (await train({ dataset_id: datasetId, model_type: 'random_forest_classifier', target_column: 'weather', hyperparameters: { n_estimators: 30 } })).json().model_run_id;
    expect((await user.waitForRun(runId)).status).toBe('completed');
    const metrics = await metricsOf(runId);
    expect(metrics.training_metadata.feature_names).toEqual(['date', 'precipitation', 'temp_max', 'temp_min', 'wind']);
    expect(metrics.feature_importance.date).toBeGreaterThan(0);
    expect(metrics.metrics.accuracy).toBeGreaterThan(0.7);
  });

  it('drops and counts rows whose target is missing', async () => {
    const csv = ['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i < 3 ? '' : i % 2 ? 'odd' : 'even'}`)].join('\n');
    const datasetId = await user.uploadCsv(csv, 'gaps');
    const runId = (await train({ dataset_id: datasetId, model_type: 'decision_tree_classifier', target_column: 'y', test_size: 0.25 })).json().model_run_id;
    await user.waitForRun(runId);
    expect((await metricsOf(runId)).training_metadata).toMatchObject({ rows_dropped_missing_target: 3, train_samples: 12, test_samples: 5 });
  });

  it('names a class too small to stratify', async () => {
    const res = await train({ dataset_id: penguinsId, model_type: 'random_forest_classifier', target_column: 'Sex' });
    expect(res.json()).toEqual({ detail: "Target column 'Sex': class '.' has only 1 row; a stratified split needs at least 2 rows per class" });
  });

  describe('scored on a dataset of its own (test_dataset_id)', () => {
    let trainId: string;
    let testId: string;

    beforeAll(async () => {
      trainId = await user.uploadCsv(fixtureCsv('penguins-train.csv'), 'penguins-train');
      testId = await user.uploadCsv(fixtureCsv('penguins-test.csv'), 'penguins-test');
    });

    it("matches scikit-learn's pipeline and logistic regression on the same rows", async () => {
      const runId = (await train({ dataset_id: trainId, test_dataset_id: testId, model_type: 'logistic_regression', target_column: 'Species', hyperparameters: { max_iter: 1000 } })).json().model_run_id;
      expect((await user.waitForRun(runId)).status).toBe('completed');
      const metrics = await metricsOf(runId);
      expect(metrics.training_metadata).toMatchObject({
        train_samples: parity.trainSamples,
        test_samples: parity.testSamples,
        split: { test_dataset_id: testId },
        test_rows_dropped_missing_target: 0,
      });
      // Same inputs, the same convex objective and an L-BFGS that follows scipy's: the same predictions,
      // so equal counts; the AUC ranks probabilities that agree to ~1e-6.
      for (const [name, value] of Object.entries(parity.metrics)) expect(metrics.metrics[name], name).toBeCloseTo(value, 9);
      const fi = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance?detail=encoded`)).json();
      const ours = fi.coefficients as Record<string, number[]>;
      expect(Object.keys(ours).sort()).toEqual([...parity.featureNames].sort());
      const largest = Math.max(...Object.values(parity.coefficients).flat().map(Math.abs));
      for (const [name, row] of Object.entries(parity.coefficients)) {
        // The bar for deterministic models: coefficients within 1e-4 of the largest.
        row.forEach((c, k) => expect(Math.abs(ours[name][k] - c) / largest, `${name}[${k}]`).toBeLessThan(1e-4));
      }
      const first = fixtureCsv('penguins-test.csv').split('\n')[1].split(',');
      const record = Object.fromEntries(PENGUIN_FEATURES.map((name, i) => [name, first[i + 1] === '' ? null : first[i + 1]]));
      const proba = (await user.request('POST', `/api/v1/models/train/${runId}/predict`, { records: [record] })).json().probabilities[0];
      for (const name of parity.classes) expect(proba[name]).toBeCloseTo(parity.firstTestProba[name], 6);
    });

    it.each([
      ['columns it lacks', 'a,Species\n1,Adelie\n2,Gentoo\n', "Test dataset 'other' lacks columns the run uses: 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'"],
      [
        'a column of another kind',
        `${PENGUIN_FEATURES.join(',')},Species\nDream,39,18,190,heavy,MALE,Adelie\nDream,40,19,191,3800,FEMALE,Adelie\n`,
        "Columns differ in kind between the datasets: 'Body Mass (g)' (numeric in 'penguins-train', categorical in 'other')",
      ],
      [
        'a class the training data lacks',
        `${PENGUIN_FEATURES.join(',')},Species\nDream,39,18,190,3700,MALE,Dodo\nDream,40,19,191,3800,FEMALE,Adelie\n`,
        "Target column 'Species' of test dataset 'other' has classes the training data lacks: 'Dodo'",
      ],
    ])('refuses a test dataset with %s', async (_label, csv, detail) => {
      const otherId = await user.uploadCsv(csv, 'other');
      const res = await train({ dataset_id: trainId, test_dataset_id: otherId, model_type: 'logistic_regression', target_column: 'Species' });
      expect([res.statusCode, res.json()]).toEqual([400, { detail }]);
    });

    it('refuses a test dataset for clustering, a malformed id, and one of another user', async () => {
      const clustering = await train({ dataset_id: trainId, test_dataset_id: testId, model_type: 'kmeans', feature_columns: ['Beak Length (mm)'] });
      expect(clustering.json()).toEqual({ detail: "test_dataset_id cannot be used with the clustering model 'kmeans': clustering is scored on the rows it clusters" });
      const malformed = await train({ dataset_id: trainId, test_dataset_id: 'nope', model_type: 'logistic_regression', target_column: 'Species' });
      expect(malformed.json()).toEqual({ detail: 'Invalid test_dataset_id format: nope' });
      const other = await ApiClient.register(ty.app);
      const theirs = await other.uploadCsv(fixtureCsv('penguins-test.csv'), 'theirs');
      const denied = await train({ dataset_id: trainId, test_dataset_id: theirs, model_type: 'logistic_regression', target_column: 'Species' });
      expect([denied.statusCode, denied.json()]).toEqual([403, { detail: "You don't have permission to access this dataset" }]);
    });
  });
});
