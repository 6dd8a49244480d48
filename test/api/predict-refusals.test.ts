import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { multipartBody } from '../helpers/multipart.js';
import { startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

/** Two numeric features and a target that is their sum; `label` splits it in two classes. */
const TRAINING_CSV = ['a,b,y,label', ...Array.from({ length: 40 }, (_, i) => `${i % 7},${(i * 3) % 5},${(i % 7) + ((i * 3) % 5)},${i % 2 ? 'odd' : 'even'}`)].join('\n');

/** CSV bodies the reader refuses, with the reader's words: predict answers as the upload does. */
const UNREADABLE_CSV: [string, string | Buffer, string][] = [
  ['a row short of fields', 'a,b\n1,2\n3\n', 'Line 3 has 1 field; the header (line 1) has 2'],
  ['a quote never closed', 'a,b\n1,"2\n', `The file ends inside a quoted field: a '"' opened after line 1 is never closed`],
  ['a duplicate header name', 'a,b,a\n1,2,3\n', "Duplicate column name 'a' in the header"],
  ['a value under an unnamed header', 'a,b,\n1,2,3\n', 'Column 3 of the header has no name, but line 2 has a value in it'],
  ['Latin-1 bytes', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31, 0x0a]), 'The file is not valid UTF-8 text: save it as UTF-8 (with or without a byte-order mark)'],
  ['UTF-16', Buffer.from('\uFEFFa,b\n1,2\n', 'utf16le'), 'The file is UTF-16 text: save it as UTF-8 (with or without a byte-order mark)'],
  ['only blank lines', '\n \n', 'The file is empty: expected a header row and at least one data row'],
];

describe('predict refuses what it cannot use with a 4xx naming the problem, never a 500', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  const runs: Record<string, string> = {};

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
    const experimentId = await user.createExperiment('predict refusals');
    const datasetId = await user.uploadCsv(TRAINING_CSV, 'sums');
    const features = ['a', 'b'];
    const requests: Record<string, Record<string, unknown>> = {
      linear: { model_type: 'linear_regression', target_column: 'y' },
      ridge: { model_type: 'ridge', target_column: 'y' },
      bayes: { model_type: 'gaussian_naive_bayes', target_column: 'label' },
    };
    for (const [name, body] of Object.entries(requests)) {
      runs[name] = await user.train({ experiment_id: experimentId, dataset_id: datasetId, feature_columns: features, ...body });
    }
    for (const runId of Object.values(runs)) expect((await user.waitForRun(runId)).status).toBe('completed');
  });
  afterAll(async () => ty.dispose());

  const predict = (runId: string, body: unknown, headers: Record<string, string> = {}) =>
    user.request('POST', `/api/v1/models/train/${runId}/predict`, body, headers);

  it.each(UNREADABLE_CSV)('answers a CSV body with %s as the upload does', async (_label, csv, detail) => {
    const res = await predict(runs.linear, csv, { 'content-type': 'text/csv' });
    expect([res.statusCode, res.json()]).toEqual([400, { detail }]);
    const upload = await user.request('POST', '/api/v1/datasets?name=same', csv, { 'content-type': 'text/csv' });
    expect([upload.statusCode, upload.json()]).toEqual([400, { detail }]);
  });

  it('takes CSV as a multipart "file" field, as a dataset upload does', async () => {
    const csv = 'b,a\n1,2\n3,4\n';
    const fromBody = await predict(runs.linear, csv, { 'content-type': 'text/csv' });
    const { body, headers } = multipartBody([{ field: 'file', fileName: 'new.csv', type: 'text/csv', content: csv }]);
    const fromFile = await predict(runs.linear, body, headers);
    expect(fromFile.statusCode, fromFile.body).toBe(200);
    expect(fromFile.json()).toEqual(fromBody.json());
  });

  it('answers 415 for a JSON file in a multipart body: JSON records go in a JSON body', async () => {
    const { body, headers } = multipartBody([{ field: 'file', fileName: 'new.json', type: 'application/json', content: '{"records": [{"a": 1, "b": 2}]}' }]);
    const res = await predict(runs.linear, body, headers);
    expect([res.statusCode, res.json()]).toEqual([
      415,
      { detail: 'Unsupported content type: a multipart file to predict is read as CSV; send JSON as an application/json body {"records": [...]}' },
    ]);
  });

  it('refuses a second file rather than silently using the first, here and in uploads', async () => {
    const { body, headers } = multipartBody([
      { field: 'file', fileName: 'one.csv', type: 'text/csv', content: 'a,b\n1,2\n' },
      { field: 'file', fileName: 'two.csv', type: 'text/csv', content: 'a,b\n3,4\n' },
    ]);
    const detail = 'The multipart upload has more than one file: send one, as the "file" field';
    for (const url of [`/api/v1/models/train/${runs.linear}/predict`, '/api/v1/datasets']) {
      const res = await user.request('POST', url, body, headers);
      expect([res.statusCode, res.json()], url).toEqual([400, { detail }]);
    }
  });

  it('answers 400 for an empty body, with or without a content type', async () => {
    const predictDetail = 'The request body is empty: send JSON {"records": [...]} or CSV with a header row';
    const uploadDetail = 'The request body is empty: send a CSV, JSON or JSON Lines file';
    const cases: [string, string | undefined, string][] = [
      [`/api/v1/models/train/${runs.linear}/predict`, undefined, predictDetail],
      [`/api/v1/models/train/${runs.linear}/predict`, 'text/csv', predictDetail],
      [`/api/v1/models/train/${runs.linear}/predict`, 'application/json', 'The request body is empty: expected JSON'],
      ['/api/v1/datasets?name=x', undefined, uploadDetail],
    ];
    for (const [url, type, detail] of cases) {
      const res = await user.request('POST', url, type === undefined ? undefined : '', type === undefined ? {} : { 'content-type': type });
      expect([res.statusCode, res.json()], `${url} ${type}`).toEqual([400, { detail }]);
    }
  });

  it.each([
    ['linear', { records: [{ a: 1, b: 2 }, { a: 1e308, b: 1e308 }] }, 'Record 2'],
    ['ridge', { records: [{ a: 1e308, b: 1e308 }] }, 'Record 1'],
    ['bayes', { records: [{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 1e160, b: 1 }] }, 'Record 3'],
    ['linear', 'a,b\n1,2\n1e308,1e308\n', 'Line 3'],
  ])('answers 422 when %s cannot compute a finite prediction, naming the first record', async (name, body, where) => {
    const res = await predict(runs[name], body, typeof body === 'string' ? { 'content-type': 'text/csv' } : {});
    expect([res.statusCode, res.json()]).toEqual([
      422,
      {
        detail: `${where}: the inputs are outside what the model can compute: its numbers overflow and give no finite prediction (are some values far outside the training data's range?)`,
      },
    ]);
  });
});
