import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
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
});
