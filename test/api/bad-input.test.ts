import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportedModelTypes } from '../../src/ml/index.js';
import { ApiClient } from '../helpers/api-client.js';
import { SLOW_FOREST, slowClassificationCsv } from '../helpers/synthetic.js';
import { sampleCsv, describeEachStack, startOn, startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

describeEachStack('bad input gets a clear 4xx and loses nothing', (stack) => {
  let ty: TestTrainyard;
  let user: ApiClient;
  let experimentId: string;
  let irisId: string;

  beforeAll(async () => {
    ty = await startOn(stack, { TRAINYARD_MAX_UPLOAD_MB: '0.01' });
    user = await ApiClient.register(ty.app);
    experimentId = await user.createExperiment();
    irisId = await user.uploadCsv(sampleCsv('iris.csv').split('\n').slice(0, 61).join('\n'), 'iris-part');
  });
  afterAll(async () => ty.dispose());

  const train = (body: Record<string, unknown>) =>
    user.request('POST', '/api/v1/models/train', { experiment_id: experimentId, dataset_id: irisId, ...body });

  it.each([
    [
      { model_type: 'quantum_forest', target_column: 'species' },
      `Unsupported model_type 'quantum_forest'. Supported: ${supportedModelTypes().join(', ')}`,
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'kind' },
      "Column 'kind' is not in dataset 'iris-part'. Available columns: sepal_length, sepal_width, petal_length, petal_width, species",
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', feature_columns: ['sepal_length', 'petals'] },
      "Column 'petals' is not in dataset 'iris-part'. Available columns: sepal_length, sepal_width, petal_length, petal_width, species",
    ],
    [
      { model_type: 'kmeans', feature_columns: ['sepal_length', 'sepal_length'] },
      "Feature column 'sepal_length' is listed twice in feature_columns",
    ],
    [{ model_type: 'random_forest_classifier' }, "target_column is required for the classification model 'random_forest_classifier'"],
    [
      { model_type: 'kmeans', target_column: 'species' },
      "target_column must not be given for the clustering model 'kmeans': clustering uses no target",
    ],
    [
      { model_type: 'linear_regression', target_column: 'species' },
      "Target column 'species' is not numeric (categorical); regression needs a numeric target",
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: { n_estimators: 0 } },
      "Invalid hyperparameter 'n_estimators' for random_forest_classifier: got 0, allowed: an integer >= 1",
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: { max_depth: 'deep' } },
      'Invalid hyperparameter \'max_depth\' for random_forest_classifier: got "deep", allowed: an integer >= 1, or null',
    ],
    // JSON's 1 is the count 1, which scikit-learn refuses for min_samples_split; fractions stay below 1.
    [
      { model_type: 'decision_tree_classifier', target_column: 'species', hyperparameters: { min_samples_split: 1 } },
      "Invalid hyperparameter 'min_samples_split' for decision_tree_classifier: got 1, allowed: an integer >= 2, or a number > 0 and < 1",
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: { min_samples_split: 1 } },
      "Invalid hyperparameter 'min_samples_split' for random_forest_classifier: got 1, allowed: an integer >= 2, or a number > 0 and < 1",
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: { min_samples_leaf: 1.5 } },
      "Invalid hyperparameter 'min_samples_leaf' for random_forest_classifier: got 1.5, allowed: an integer >= 1, or a number > 0 and < 1",
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: { max_features: 1.5 } },
      'Invalid hyperparameter \'max_features\' for random_forest_classifier: got 1.5, allowed: an integer >= 1, or a number > 0 and <= 1, or one of "sqrt", "log2", or null',
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: { max_samples: 1.5 } },
      "Invalid hyperparameter 'max_samples' for random_forest_classifier: got 1.5, allowed: an integer >= 1, or a number > 0 and <= 1, or null",
    ],
    [
      { model_type: 'knn_classifier', target_column: 'species', hyperparameters: { n_trees: 3 } },
      expect.stringMatching(/^Unknown hyperparameter 'n_trees' for knn_classifier\. Allowed: n_neighbors, weights, /),
    ],
    [{ model_type: 'random_forest_classifier', target_column: 'species', test_size: 1.5 }, 'body/test_size must be < 1'],
    [{ model_type: 'random_forest_classifier', target_column: 'species', colour: 'red' }, 'body/colour is not an allowed field'],
    // A JSON body is taken as typed: no string for a number, no boolean or null for an integer.
    [{ model_type: 'random_forest_classifier', target_column: 'species', test_size: '0.2' }, 'body/test_size must be number'],
    [{ model_type: 'random_forest_classifier', target_column: 'species', random_state: '42' }, 'body/random_state must be integer'],
    [{ model_type: 'random_forest_classifier', target_column: 'species', random_state: true }, 'body/random_state must be integer'],
    [{ model_type: 'random_forest_classifier', target_column: 'species', random_state: null }, 'body/random_state must be integer'],
    [{ model_type: 'random_forest_classifier', target_column: 'species', feature_columns: 'sepal_length' }, 'body/feature_columns must be array'],
    // A nullable field names what its value fails, not "must be null".
    [{ model_type: 'random_forest_classifier', target_column: 'species', feature_columns: [] }, 'body/feature_columns must NOT have fewer than 1 items'],
    [{ model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: [1, 2] }, 'body/hyperparameters must be object'],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', preprocessing: { scaling: 'minmax' } },
      'body/preprocessing/scaling must be one of: "auto", "standard", "none"',
    ],
    [
      { model_type: 'random_forest_classifier', target_column: 'species', test_size: 0.01 },
      'The split gives 59 training and 1 test rows for 2 classes; a stratified split needs at least one row per class on each side (change test_size)',
    ],
  ])('train %j -> 400', async (body, detail) => {
    const res = await train(body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({ detail });
  });

  it.each([
    ['POST', '/api/v1/datasets?delimiter=xx', 'querystring/delimiter must be one of: ",", ";", "\\t", "|"'],
    ['POST', '/api/v1/datasets?decimal=:', 'querystring/decimal must be one of: ".", ","'],
    ['GET', '/api/v1/experiments/{experiment}/runs?status=bogus', 'querystring/status must be one of: "pending", "running", "completed", "failed", "cancelled"'],
  ] as const)('a query value outside its choices, %s %s, -> 400 listing them', async (method, url, detail) => {
    const res = await user.request(method, url.replace('{experiment}', experimentId));
    expect([res.statusCode, res.json()]).toEqual([400, { detail }]);
  });

  it('names the lone class of a one-class target, and a class too small to stratify', async () => {
    const oneClass = await user.uploadCsv('x,y\n1,a\n2,a\n3,a\n4,a\n', 'one-class');
    const res = await user.request('POST', '/api/v1/models/train', {
      experiment_id: experimentId, dataset_id: oneClass, model_type: 'logistic_regression', target_column: 'y',
    });
    expect(res.json()).toEqual({ detail: "Target column 'y' has only the class 'a': classification needs at least two classes" });
    const tinyClass = await user.uploadCsv('x,y\n1,a\n2,a\n3,a\n4,b\n5,a\n', 'tiny-class');
    const res2 = await user.request('POST', '/api/v1/models/train', {
      experiment_id: experimentId, dataset_id: tinyClass, model_type: 'logistic_regression', target_column: 'y',
    });
    expect(res2.json()).toEqual({
      detail: "Target column 'y': class 'b' has only 1 row; a stratified split needs at least 2 rows per class",
    });
  });

  it.each([
    [
      'a continuous target',
      ['x,price', ...Array.from({ length: 200 }, (_, i) => `${i % 9},${i + 0.5}`)],
      "Target column 'price' has 200 classes, 200 of them with a single row ('0.5', '1.5', '2.5', '3.5', '4.5', ...); a stratified split needs at least 2 rows per class. Is it a continuous value (train a regression model instead), or is another column the target?",
    ],
    [
      'an identifier as the target',
      ['x,code', '1,u', '2,u', ...Array.from({ length: 20 }, (_, i) => `${i},id-${i}`)],
      "Target column 'code' has 21 classes, 20 of them with a single row ('id-0', 'id-1', 'id-2', 'id-3', 'id-4', ...); a stratified split needs at least 2 rows per class. Is it an identifier or free text rather than a class, or is another column the target?",
    ],
    ['two single-row classes', ['x,y', '1,a', '2,a', '3,b', '4,c', '5,a'], "Target column 'y': classes 'b', 'c' have only 1 row each; a stratified split needs at least 2 rows per class"],
  ])('keeps the refusal of %s short, with a hint', async (_label, lines, detail) => {
    const datasetId = await user.uploadCsv(lines.join('\n'), 'many-classes');
    const res = await train({ dataset_id: datasetId, model_type: 'logistic_regression', target_column: lines[0].split(',')[1] });
    expect([res.statusCode, res.json()]).toEqual([400, { detail }]);
  });

  it.each(['logistic_regression', 'linear_regression'])('says a target with no values has none (%s)', async (modelType) => {
    const datasetId = await user.uploadCsv('x,y\n1,\n2,NA\n3,\n', 'no-target');
    const res = await train({ dataset_id: datasetId, model_type: modelType, target_column: 'y' });
    expect([res.statusCode, res.json()]).toEqual([400, { detail: "Target column 'y' has no values" }]);
  });

  it('answers 403 for another user\'s experiment or dataset, 404 for unknown ones', async () => {
    const other = await ApiClient.register(ty.app);
    const theirs = await other.request('POST', '/api/v1/models/train', {
      experiment_id: experimentId, dataset_id: irisId, model_type: 'kmeans',
    });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json()).toEqual({ detail: "You don't have permission to access this experiment" });
    const otherExperiment = await other.createExperiment();
    const theirData = await other.request('POST', '/api/v1/models/train', {
      experiment_id: otherExperiment, dataset_id: irisId, model_type: 'kmeans',
    });
    expect(theirData.json()).toEqual({ detail: "You don't have permission to access this dataset" });
    expect((await other.request('GET', `/api/v1/datasets/${irisId}`)).statusCode).toBe(403);
    expect((await other.request('GET', `/api/v1/experiments/${experimentId}`)).statusCode).toBe(403);
    const unknown = randomUUID();
    expect((await user.request('GET', `/api/v1/experiments/${unknown}`)).json()).toEqual({
      detail: `Experiment with id ${unknown} not found`,
    });
    expect((await user.request('GET', '/api/v1/datasets/nope')).json()).toEqual({ detail: 'Invalid dataset_id format: nope' });
  });

  it.each([
    ['a,b\n1,2\n3\n', 'Line 3 has 1 field; the header (line 1) has 2'],
    ['a,a\n1,2\n', "Duplicate column name 'a' in the header"],
    ['a,,c\n1,2,3\n', 'Column 2 of the header has no name'],
    ['a,b\n', 'The file has a header but no data rows'],
    [
      'a,b\n1,"1,5"\n',
      "Column 'b' has a number with a comma, '1,5' (line 2), which cannot be read unambiguously (a decimal comma or a thousands separator?): upload with decimal=, if commas are decimal separators",
    ],
  ])('upload %j -> 400', async (csv, detail) => {
    const before = readdirSync(join(ty.dataDir, 'datasets')).length;
    const res = await user.request('POST', '/api/v1/datasets?name=bad', csv, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail });
    expect(readdirSync(join(ty.dataDir, 'datasets'))).toHaveLength(before);
  });

  it('answers 413 past the upload limit and 400 for an empty body', async () => {
    const big = 'a,b\n' + '1,2\n'.repeat(5000);
    const res = await user.request('POST', '/api/v1/datasets', big, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ detail: 'Upload exceeds the 0.01 MB limit (TRAINYARD_MAX_UPLOAD_MB)' });
    const empty = await user.request('POST', '/api/v1/datasets', '', { 'content-type': 'text/csv' });
    expect(empty.statusCode).toBe(400);
  });

  it('accepts a multipart upload with a file field', async () => {
    const boundary = 'trainyardboundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="tiny.csv"',
      'Content-Type: text/csv',
      '',
      'x,y\n1,2\n3,4',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await user.request('POST', '/api/v1/datasets', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'tiny', n_rows: 2, n_columns: 2 });
  });

  it('refuses a NUL character in a name or description, which PostgreSQL text cannot store, with a 400', async () => {
    const nul = (res: { statusCode: number; json(): unknown }) => [res.statusCode, res.json()];
    expect(nul(await user.request('POST', '/api/v1/experiments', { name: 'a\u0000b' }))).toEqual([
      400,
      { detail: 'body/name must not contain the NUL character (U+0000)' },
    ]);
    expect(nul(await user.request('POST', '/api/v1/experiments', { name: 'ok', description: 'x\u0000' }))).toEqual([
      400,
      { detail: 'body/description must not contain the NUL character (U+0000)' },
    ]);
    const upload = await user.request('POST', '/api/v1/datasets?name=a%00b', 'a,b\n1,2\n3,4\n', { 'content-type': 'text/csv' });
    expect(nul(upload)).toEqual([400, { detail: 'querystring/name must not contain the NUL character (U+0000)' }]);
    // Names with other characters, tabs and newlines included, are kept as given.
    const kept = await user.request('POST', '/api/v1/experiments', { name: 'tab\there ✓', description: 'two\nlines' });
    expect(kept.json()).toMatchObject({ name: 'tab\there ✓', description: 'two\nlines' });
  });
});

describe('robustness found by a hostile trial', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
  });
  afterAll(async () => ty.dispose());

  it('answers 400, not 500, for offsets past what a database pages by', async () => {
    for (const url of ['/api/v1/experiments?offset=100000000000000000000', '/api/v1/datasets?offset=9223372036854775808']) {
      const res = await user.request('GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toEqual({ detail: 'querystring/offset must be <= 9007199254740991' });
    }
  });

  it('keeps a null description null', async () => {
    const res = await user.request('POST', '/api/v1/experiments', { name: 'n', description: null });
    expect(res.json().description).toBeNull();
  });

  it('answers 404 to the losers of concurrent deletes of one run', async () => {
    const experimentId = await user.createExperiment();
    const iris = await user.uploadCsv(sampleCsv('iris.csv'));
    const runId = await user.train({ experiment_id: experimentId, dataset_id: iris, model_type: 'decision_tree_classifier', target_column: 'species' });
    await user.waitForRun(runId);
    const answers = await Promise.all(Array.from({ length: 8 }, () => user.request('DELETE', `/api/v1/models/train/${runId}`)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 404, 404, 404, 404, 404, 404, 404]);
  });

  it('keeps a column named __proto__ in the feature importance', async () => {
    const experimentId = await user.createExperiment();
    const csv = ['__proto__,constructor,y', ...Array.from({ length: 40 }, (_, i) => `${i},${(i * 7) % 5},${2 * i + 1}`)].join('\n');
    const dataset = await user.uploadCsv(csv, 'proto');
    const runId = await user.train({ experiment_id: experimentId, dataset_id: dataset, model_type: 'linear_regression', target_column: 'y' });
    await user.waitForRun(runId);
    const fi = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance`)).json();
    expect(fi.total_features).toBe(2);
    expect(fi.feature_importance.map((f: { feature: string }) => f.feature).sort()).toEqual(['__proto__', 'constructor']);
    expect(fi.feature_importance_dict.__proto__ + fi.feature_importance_dict.constructor).toBeCloseTo(1, 12);
  });
});

describe('bodies that are not what they claim', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
  });
  afterAll(async () => ty.dispose());

  it('answers 400 for a multipart body without a boundary or cut short', async () => {
    const noBoundary = await user.request('POST', '/api/v1/datasets', 'x', { 'content-type': 'multipart/form-data' });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json()).toEqual({ detail: 'Invalid multipart upload: Multipart: Boundary not found' });
    const cut = '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx,y\n1';
    const cutShort = await user.request('POST', '/api/v1/datasets', cut, { 'content-type': 'multipart/form-data; boundary=zz' });
    expect(cutShort.statusCode).toBe(400);
    expect(cutShort.json().detail).toMatch(/^Invalid multipart upload: /);
  });

  it('refuses a JSON body past the JSON limit with 413, before parsing it', async () => {
    const big = `[${'{},'.repeat(3_000_000)}{}]`;
    const res = await user.request('POST', '/api/v1/auth/token', big, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ detail: 'The JSON body exceeds the 8 MB limit for JSON requests' });
  });

  const JSON_ROUTES = ['/api/v1/experiments', '/api/v1/auth/register', '/api/v1/models/train'];

  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain;charset=UTF-8', 'text/plain'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['text/csv', 'text/csv'],
    ['multipart/form-data; boundary=zz', 'multipart/form-data'],
  ])('answers a JSON body sent as %s to a JSON route with 415 naming JSON', async (type, named) => {
    const json = JSON.stringify({ name: 'n', email: 'someone@example.com', password: 'correct horse battery' });
    for (const url of JSON_ROUTES) {
      const res = await user.request('POST', url, json, { 'content-type': type });
      expect([res.statusCode, res.json()], url).toEqual([415, { detail: `Unsupported content type '${named}': send the body as application/json` }]);
    }
  });

  it('answers a body with no content type with 415 naming what the route takes', async () => {
    const res = await ty.app.inject({ method: 'POST', url: '/api/v1/experiments', payload: '{"name": "n"}', headers: { authorization: `Bearer ${user.token}` } });
    expect([res.statusCode, res.json()]).toEqual([415, { detail: 'No content type: send the body as application/json' }]);
  });

  it('names the forms uploads and predictions take, and still takes a text/plain CSV', async () => {
    const upload = await user.request('POST', '/api/v1/datasets', '<rows/>', { 'content-type': 'application/xml' });
    expect([upload.statusCode, upload.json()]).toEqual([415, {
      detail: "Unsupported content type 'application/xml': send the body as CSV (text/csv), a JSON array of records (application/json), " +
        'JSON Lines (application/x-ndjson) or a multipart/form-data "file" field',
    }]);
    const predict = await user.request('POST', `/api/v1/models/train/${randomUUID()}/predict`, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([predict.statusCode, predict.json()]).toEqual([415, {
      detail: "Unsupported content type 'application/x-www-form-urlencoded': send the body as " +
        'JSON {"records": [...]} (application/json), CSV with a header row (text/csv) or a multipart/form-data "file" field',
    }]);
    const plain = await user.request('POST', '/api/v1/datasets?name=plain', 'x,y\n1,2\n3,4\n', { 'content-type': 'text/plain' });
    expect([plain.statusCode, plain.json().n_rows]).toEqual([201, 2]);
    const predictPlain = await user.request('POST', `/api/v1/models/train/${randomUUID()}/predict`, 'x\n1\n', { 'content-type': 'text/plain' });
    expect(predictPlain.statusCode, 'parsed as CSV, so the unknown run is what is refused').toBe(404);
  });
});

describe('one user cannot fill every worker', () => {
  it('answers 429 past TRAINYARD_MAX_ACTIVE_RUNS_PER_USER, and accepts runs again once one ends', async () => {
    const ty = await startTrainyard({ TRAINYARD_MAX_ACTIVE_RUNS_PER_USER: '2' });
    try {
      const user = await ApiClient.register(ty.app);
      const other = await ApiClient.register(ty.app);
      const experimentId = await user.createExperiment();
      const slow = await user.uploadCsv(slowClassificationCsv(), 'slow');
      const request = { experiment_id: experimentId, dataset_id: slow, model_type: 'random_forest_classifier', target_column: 'label', hyperparameters: SLOW_FOREST };
      const first = await user.train(request);
      await user.train(request);
      const third = await user.request('POST', '/api/v1/models/train', request);
      expect(third.statusCode).toBe(429);
      expect(third.json()).toEqual({
        detail: 'You already have 2 runs pending or running (TRAINYARD_MAX_ACTIVE_RUNS_PER_USER); wait for one to finish or delete one',
      });
      // The cap is per user: someone else still gets a run in.
      const theirExperiment = await other.createExperiment();
      const theirData = await other.uploadCsv(sampleCsv('iris.csv'));
      await other.train({ experiment_id: theirExperiment, dataset_id: theirData, model_type: 'kmeans', feature_columns: ['sepal_length', 'sepal_width'] });
      expect((await user.request('DELETE', `/api/v1/models/train/${first}`)).statusCode).toBe(200);
      expect((await user.request('POST', '/api/v1/models/train', request)).statusCode).toBe(202);
    } finally {
      await ty.dispose();
    }
  });
});
