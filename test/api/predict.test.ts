import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModelSpec } from '../../src/ml/index.js';
import { ApiClient } from '../helpers/api-client.js';
import { sampleCsv, startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

const PENGUIN_CLASSES = ['Adelie', 'Chinstrap', 'Gentoo'];

/** Two new penguins, each missing a value: one as JSON null, one as the marker "NA". */
const NEW_PENGUINS = [
  { Island: 'Biscoe', 'Beak Length (mm)': 47.5, 'Beak Depth (mm)': 15, 'Flipper Length (mm)': 218, 'Body Mass (g)': null, Sex: 'MALE' },
  { Island: 'Torgersen', 'Beak Length (mm)': 39.1, 'Beak Depth (mm)': 18.7, 'Flipper Length (mm)': 181, 'Body Mass (g)': 3750, Sex: 'NA' },
];

describe('predictions from a trained model, and its file', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  let experimentId: string;
  const runs: Record<string, string> = {};
  let irisId: string;

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
    experimentId = await user.createExperiment('predictions');
    const penguins = await user.uploadCsv(sampleCsv('penguins.csv'), 'penguins');
    const weather = await user.uploadCsv(sampleCsv('seattle-weather.csv'), 'seattle-weather');
    const diabetes = await user.uploadCsv(sampleCsv('diabetes.csv'), 'diabetes');
    const iris = (irisId = await user.uploadCsv(sampleCsv('iris.csv'), 'iris'));
    const requests: Record<string, Record<string, unknown>> = {
      forest: { dataset_id: penguins, model_type: 'random_forest_classifier', target_column: 'Species', hyperparameters: { n_estimators: 50 } },
      logistic: { dataset_id: penguins, model_type: 'logistic_regression', target_column: 'Species', hyperparameters: { max_iter: 1000 } },
      weather: { dataset_id: weather, model_type: 'random_forest_classifier', target_column: 'weather', hyperparameters: { n_estimators: 30, max_depth: 8 } },
      regression: { dataset_id: diabetes, model_type: 'linear_regression', target_column: 'progression' },
      kmeans: { dataset_id: iris, model_type: 'kmeans', feature_columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], hyperparameters: { n_clusters: 3 } },
    };
    for (const [name, body] of Object.entries(requests)) runs[name] = await user.train({ experiment_id: experimentId, ...body });
    for (const runId of Object.values(runs)) expect((await user.waitForRun(runId)).status).toBe('completed');
  });
  afterAll(async () => ty.dispose());

  const predict = (runId: string, body: unknown, headers: Record<string, string> = {}) =>
    user.request('POST', `/api/v1/models/train/${runId}/predict`, body, headers);

  it.each(['forest', 'logistic'])('predicts new penguins with missing values, in the class names, with %s', async (name) => {
    const res = await predict(runs[name], { records: NEW_PENGUINS });
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ model_run_id: runs[name], task_type: 'classification', n_records: 2, predictions: ['Gentoo', 'Adelie'] });
    for (const probabilities of answer.probabilities) {
      expect(Object.keys(probabilities)).toEqual(PENGUIN_CLASSES);
      expect(Object.values(probabilities as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(answer.probabilities[0].Gentoo).toBeGreaterThan(0.5);
  });

  it('answers for a category never seen in training (it encodes as all zeros)', async () => {
    const res = await predict(runs.logistic, { records: [{ ...NEW_PENGUINS[0], Island: 'Atlantis' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(PENGUIN_CLASSES).toContain(res.json().predictions[0]);
  });

  it('reads a CSV body like the JSON records', async () => {
    const csv = 'Sex;Island;Beak Length (mm);Beak Depth (mm);Flipper Length (mm);Body Mass (g)\nMALE;Biscoe;47,5;15;218;\nNA;Torgersen;39,1;18,7;181;3750\n';
    const fromCsv = await predict(runs.logistic, csv, { 'content-type': 'text/csv' });
    const fromJson = await predict(runs.logistic, { records: NEW_PENGUINS });
    expect(fromCsv.statusCode, fromCsv.body).toBe(200);
    expect(fromCsv.json()).toEqual(fromJson.json());
  });

  it.each([
    [{ records: [{ ...NEW_PENGUINS[0], Sex: undefined }] }, "Record 1 has no 'Sex': every feature column must be given (null for a missing value)"],
    [{ records: [NEW_PENGUINS[0], { ...NEW_PENGUINS[1], 'Body Mass (g)': 'heavy' }] }, 'Record 2: \'Body Mass (g)\' must be a number, got "heavy"'],
    [{ records: [{ ...NEW_PENGUINS[0], Island: ['Biscoe'] }] }, "Record 1: 'Island' must be a single value, not an array"],
    [{ records: [] }, 'body/records must NOT have fewer than 1 items'],
    [{ records: Array.from({ length: 10_001 }, () => NEW_PENGUINS[0]) }, 'body/records must NOT have more than 10000 items'],
    [{ records: [1] }, 'body/records/0 must be object'],
    [{ rows: [] }, 'body/records is required'],
  ])('refuses %#', async (body, detail) => {
    const res = await predict(runs.forest, JSON.parse(JSON.stringify(body)));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail });
  });

  it('refuses a CSV body without a feature column', async () => {
    const res = await predict(runs.forest, 'Island,Sex\nBiscoe,MALE\n', { 'content-type': 'text/csv' });
    expect(res.json()).toEqual({ detail: "The CSV has no column 'Beak Length (mm)': every feature column must be given" });
  });

  it('uses the date of seattle-weather, and reads dates to predict', async () => {
    const fi = (await user.request('GET', `/api/v1/models/train/${runs.weather}/feature-importance?detail=encoded&top_n=100`)).json();
    const encoded = fi.feature_importance.map((f: { feature: string }) => f.feature).sort();
    expect(encoded).toEqual(['date.day', 'date.dayofweek', 'date.dayofyear', 'date.month', 'date.year', 'precipitation', 'temp_max', 'temp_min', 'wind']);
    const record = { date: '2016-07-04', precipitation: 0, temp_max: 28.3, temp_min: 15, wind: 2.1 };
    const res = await predict(runs.weather, { records: [record] });
    expect(['drizzle', 'fog', 'rain', 'snow', 'sun']).toContain(res.json().predictions[0]);
    const bad = await predict(runs.weather, { records: [{ ...record, date: '04/07/2016' }] });
    expect(bad.json()).toEqual({ detail: 'Record 1: \'date\' must be a date or datetime like 2024-05-31 or 2024-05-31T14:00:00Z, got "04/07/2016"' });
  });

  it('predicts numbers for a regression and clusters for k-means', async () => {
    const row = { age: 0.02, sex: -0.04, bmi: 0.06, bp: 0.02, s1: -0.04, s2: -0.03, s3: -0.04, s4: -0.002, s5: 0.02, s6: -0.02 };
    const regression = (await predict(runs.regression, { records: [row, { ...row, bmi: null }] })).json();
    expect(regression).toMatchObject({ task_type: 'regression', n_records: 2 });
    expect(regression.predictions.every((p: unknown) => typeof p === 'number' && Number.isFinite(p))).toBe(true);
    expect(regression.probabilities).toBeUndefined();
    const flowers = [
      { sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, petal_width: 0.2 },
      { sepal_length: 5.0, sepal_width: 3.4, petal_length: 1.5, petal_width: 0.2 },
      { sepal_length: 6.9, sepal_width: 3.1, petal_length: 5.4, petal_width: 2.1 },
    ];
    const clusters = (await predict(runs.kmeans, { records: flowers })).json().predictions;
    expect(clusters.every((c: number) => Number.isInteger(c) && c >= 0 && c < 3)).toBe(true);
    expect(clusters[0]).toBe(clusters[1]);
    expect(clusters[2]).not.toBe(clusters[0]);
  });

  it.skipIf(!findModelSpec('dbscan'))('refuses to label new data with a clustering model that cannot', async () => {
    const features = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];
    const runId = await user.train({ experiment_id: experimentId, dataset_id: irisId, model_type: 'dbscan', feature_columns: features });
    await user.waitForRun(runId);
    const res = await predict(runId, { records: [{ sepal_length: 5, sepal_width: 3, petal_length: 1.5, petal_width: 0.2 }] });
    expect(res.json()).toEqual({ detail: "Model type 'dbscan' cannot label new data: it assigns clusters only to the rows it was trained on" });
  });

  it("streams the model file to its owner only; a fresh process loading it with src/ml alone predicts the same", async () => {
    const res = await user.request('GET', `/api/v1/models/train/${runs.logistic}/artifact`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="trainyard-model-${runs.logistic}.json"`);
    const document = res.json();
    expect(document).toMatchObject({
      format: 'trainyard-model',
      format_version: 2,
      model_type: 'logistic_regression',
      classes: PENGUIN_CLASSES,
      target_column: 'Species',
      target_dtype: 'categorical',
      feature_names: ['Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex'],
    });
    expect(document.encoded_feature_names).toHaveLength(10);

    const dir = mkdtempSync(join(tmpdir(), 'trainyard-artifact-'));
    try {
      writeFileSync(join(dir, 'model.json'), res.body);
      // The same two penguins as input columns: categories dictionary-encoded, null where missing.
      const inputs = [
        { kind: 'categorical', codes: [0, 1], categories: ['Biscoe', 'Torgersen'] },
        { kind: 'numeric', values: [47.5, 39.1] },
        { kind: 'numeric', values: [15, 18.7] },
        { kind: 'numeric', values: [218, 181] },
        { kind: 'numeric', values: [null, 3750] },
        { kind: 'categorical', codes: [0, -1], categories: ['MALE'] },
      ];
      writeFileSync(join(dir, 'inputs.json'), JSON.stringify(inputs));
      const script = join(import.meta.dirname, '..', 'helpers', 'predict-in-fresh-process.ts');
      const output = execFileSync(process.execPath, ['--import', 'tsx', script, join(dir, 'model.json'), join(dir, 'inputs.json')], { encoding: 'utf8' });
      const fresh = JSON.parse(output) as { predictions: number[]; proba: number[] };
      const api = (await predict(runs.logistic, { records: NEW_PENGUINS })).json();
      expect(fresh.predictions.map((k) => PENGUIN_CLASSES[k])).toEqual(api.predictions);
      const n = NEW_PENGUINS.length;
      api.probabilities.forEach((row: Record<string, number>, r: number) => {
        expect(PENGUIN_CLASSES.map((name, k) => fresh.proba[k * n + r])).toEqual(PENGUIN_CLASSES.map((name) => row[name]));
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const other = await ApiClient.register(ty.app);
    for (const [method, url, body] of [
      ['GET', `/api/v1/models/train/${runs.logistic}/artifact`, undefined],
      ['POST', `/api/v1/models/train/${runs.logistic}/predict`, { records: NEW_PENGUINS }],
    ] as const) {
      const denied = await other.request(method, url, body);
      expect([denied.statusCode, denied.json()]).toEqual([403, { detail: "You don't have permission to access this model run" }]);
    }
    const unknown = randomUUID();
    expect((await user.request('GET', `/api/v1/models/train/${unknown}/artifact`)).json()).toEqual({ detail: `Model run with id ${unknown} not found` });
  });
});
