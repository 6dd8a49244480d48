import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

/** What an accepted upload must give: how it was read, each column's [name, dtype, n_missing], and its rows. */
interface Accepted {
  source: Record<string, unknown>;
  columns: [string, string, number][];
  rows: unknown[][];
  notes?: Record<string, string[]>;
}

type Body = string | Buffer;
const CSV = 'text/csv';
const JSON_TYPE = 'application/json';
const JSONL = 'application/x-ndjson';

const comma = { format: 'csv', delimiter: ',', decimal_separator: '.', bom: false };

/** Every dialect and every refusal of the ingestion issue, each with its exact outcome. */
const ACCEPTED: [string, Body, string, string, Accepted][] = [
  [
    'CRLF, quoted delimiters, doubled quotes and a quoted newline',
    'id,comment,score\r\n1,"hello, world",3.5\r\n2,"she said ""hi""",4\r\n3,"two\r\nlines",\r\n',
    CSV,
    '',
    {
      source: comma,
      columns: [['id', 'numeric', 0], ['comment', 'categorical', 0], ['score', 'numeric', 1]],
      rows: [[1, 'hello, world', 3.5], [2, 'she said "hi"', 4], [3, 'two\nlines', null]],
    },
  ],
  [
    'semicolons with decimal commas and a byte-order mark',
    '\uFEFFname;height;weight\nAnna;1,72;60,5\nBo;1,8;72\n',
    CSV,
    '',
    {
      source: { format: 'csv', delimiter: ';', decimal_separator: ',', bom: true },
      columns: [['name', 'categorical', 0], ['height', 'numeric', 0], ['weight', 'numeric', 0]],
      rows: [['Anna', 1.72, 60.5], ['Bo', 1.8, 72]],
    },
  ],
  ['tabs', 'a\tb\n1\tx y\n2\tz\n', CSV, '', { source: { ...comma, delimiter: '\t' }, columns: [['a', 'numeric', 0], ['b', 'categorical', 0]], rows: [[1, 'x y'], [2, 'z']] }],
  ['pipes', 'a|b\n1|"x|y"\n2|z\n', CSV, '', { source: { ...comma, delimiter: '|' }, columns: [['a', 'numeric', 0], ['b', 'categorical', 0]], rows: [[1, 'x|y'], [2, 'z']] }],
  ['trailing empty columns', 'a,b,,\n1,2,,\n3,4\n', CSV, '', { source: comma, columns: [['a', 'numeric', 0], ['b', 'numeric', 0]], rows: [[1, 2], [3, 4]] }],
  ['blank and blank-looking lines', 'a,b\n\n1,2\n   \n3,4\n\n', CSV, '', { source: comma, columns: [['a', 'numeric', 0], ['b', 'numeric', 0]], rows: [[1, 2], [3, 4]] }],
  [
    'every default missing marker',
    'a,b\n1,NA\nN/A,x\nNaN,?\nnull,None\n',
    CSV,
    '',
    { source: comma, columns: [['a', 'numeric', 3], ['b', 'categorical', 3]], rows: [[1, null], [null, 'x'], [null, null], [null, null]] },
  ],
  [
    'missing markers of its own',
    'a,b\n-999,unknown\n2,NA\n',
    CSV,
    '?na_values=-999,unknown',
    { source: { ...comma, missing_markers: ['', '-999', 'unknown'] }, columns: [['a', 'numeric', 1], ['b', 'categorical', 1]], rows: [[null, null], [2, 'NA']] },
  ],
  [
    'signs, exponents and bare fractions',
    'v\n+1.5\n-2e3\n.25\n7\n',
    CSV,
    '',
    { source: comma, columns: [['v', 'numeric', 0]], rows: [[1.5], [-2000], [0.25], [7]] },
  ],
  [
    'a numeric column with a stray word',
    'x\n1\n2\nn/a\n4\n',
    CSV,
    '',
    {
      source: comma,
      columns: [['x', 'categorical', 0]],
      rows: [['1'], ['2'], ['n/a'], ['4']],
      notes: { x: ["3 of 4 values are numbers, but 'n/a' (line 4) is not: the column is read as categorical"] },
    },
  ],
  [
    'infinities and a number too large for a double',
    'x,y\n1,a\ninf,b\n-Infinity,c\n1e999,d\n',
    CSV,
    '',
    {
      source: comma,
      columns: [['x', 'numeric', 3], ['y', 'categorical', 0]],
      rows: [[1, 'a'], [null, 'b'], [null, 'c'], [null, 'd']],
      notes: { x: ['3 infinite or overflowing numbers were read as missing (lines 3, 4, 5)'] },
    },
  ],
  [
    'dates, datetimes and booleans',
    'when,ok\n2024-01-05,TRUE\n2024-01-06T10:00:00+01:00,false\n,\n',
    CSV,
    '',
    {
      source: comma,
      columns: [['when', 'datetime', 1], ['ok', 'boolean', 1]],
      rows: [['2024-01-05T00:00:00.000Z', true], ['2024-01-06T09:00:00.000Z', false], [null, null]],
    },
  ],
  [
    'decimal commas asked for in a tab file',
    'a\tb\n1,5\tx\n2,25\ty\n',
    CSV,
    '?decimal=,',
    { source: { ...comma, delimiter: '\t', decimal_separator: ',' }, columns: [['a', 'numeric', 0], ['b', 'categorical', 0]], rows: [[1.5, 'x'], [2.25, 'y']] },
  ],
  [
    'a JSON array of records, one leaving a key out',
    '[{"a": 1, "b": "x", "c": true, "d": "2024-01-01"}, {"a": null, "b": "NA", "d": null}]',
    JSON_TYPE,
    '',
    {
      source: { format: 'json', delimiter: null },
      columns: [['a', 'numeric', 1], ['b', 'categorical', 1], ['c', 'boolean', 1], ['d', 'datetime', 1]],
      rows: [[1, 'x', true, '2024-01-01T00:00:00.000Z'], [null, null, null, null]],
    },
  ],
  [
    'JSON Lines with blank lines',
    '{"a": 1.5, "b": "x"}\n\n{"a": 2, "b": "y"}\n',
    JSONL,
    '',
    { source: { format: 'jsonl', delimiter: null }, columns: [['a', 'numeric', 0], ['b', 'categorical', 0]], rows: [[1.5, 'x'], [2, 'y']] },
  ],
];

const REFUSED: [string, Body, string, string][] = [
  ['a row short of fields', 'a,b,c\n1,2,3\n4,5\n', CSV, 'Line 3 has 2 fields; the header (line 1) has 3'],
  ['a row with a field too many', 'a,b\n1,2,3\n', CSV, 'Line 2 has 3 fields; the header (line 1) has 2'],
  ['a ragged row after a quoted newline', 'a,b\n1,"x\ny"\n2\n', CSV, 'Line 4 has 1 field; the header (line 1) has 2'],
  ['a duplicate header name', 'a,b,a\n1,2,3\n', CSV, "Duplicate column name 'a' in the header"],
  ['an empty header name', 'a,,c\n1,2,3\n', CSV, 'Column 2 of the header has no name'],
  ['a value under an unnamed trailing column', 'a,b,\n1,2,3\n', CSV, 'Column 3 of the header has no name, but line 2 has a value in it'],
  ['a header and no rows', 'a,b\n', CSV, 'The file has a header but no data rows'],
  ['only blank lines', '\n\n  \n', CSV, 'The file is empty: expected a header row and at least one data row'],
  ['a quote never closed', 'a,b\n1,"x\n2,y\n', CSV, `The file ends inside a quoted field: a '"' opened after line 1 is never closed`],
  ['a field past the record limit', `a,b\n1,2\n3,${'x'.repeat(1_100_000)}\n`, CSV, 'Line 3 is longer than 1048576 characters (1 MiB), the most one record may hold'],
  [
    'a quote left open before a long tail',
    `a,b\n1,"x\n${'2,y\n'.repeat(300_000)}`,
    CSV,
    `The record starting on line 2 runs on over several lines past 1048576 characters (1 MiB), the most one record may hold: is a '"' left open?`,
  ],
  [
    'decimal commas and points in one column',
    'a;b\n1,5;x\n2.25;y\n',
    CSV,
    "Column 'a' mixes decimal commas, '1,5' (line 2), and decimal points, '2.25' (line 3): its numbers cannot be read unambiguously",
  ],
  [
    'a comma inside a number of a comma file',
    'a,b\n"1,5",x\n',
    CSV,
    "Column 'a' has a number with a comma, '1,5' (line 2), which cannot be read unambiguously (a decimal comma or a thousands separator?): upload with decimal=, if commas are decimal separators",
  ],
  [
    'thousands separators',
    'a,b\n"1,234,567",x\n',
    CSV,
    "Column 'a' has a number with thousands separators, '1,234,567' (line 2), which cannot be read unambiguously: write numbers without grouping",
  ],
  ['Latin-1 bytes', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31, 0x0a]), CSV, 'The file is not valid UTF-8 text: save it as UTF-8 (with or without a byte-order mark)'],
  ['UTF-16', Buffer.from('\uFEFFa,b\n1,2\n', 'utf16le'), CSV, 'The file is UTF-16 text: save it as UTF-8 (with or without a byte-order mark)'],
  [
    'a JSON object instead of an array',
    '{"a": 1}',
    JSON_TYPE,
    'A JSON upload must be an array of records ([{"column": value, ...}, ...]); send one record per line as application/x-ndjson',
  ],
  ['an empty JSON array', '[]', JSON_TYPE, 'The file holds no records: expected at least one'],
  ['a JSON array never closed', '[{"a": 1}', JSON_TYPE, 'The JSON array is not closed: the file ends inside record 2 or before its ]'],
  ['a record bringing a new key', '[{"a": 1}, {"a": 2, "b": 3}]', JSON_TYPE, "Record 2 has the key 'b', which the first record does not have"],
  ['a nested value', '[{"a": {"x": 1}}]', JSON_TYPE, "Record 1: 'a' holds an object; values must be flat"],
  ['an empty first record', '[{}]', JSON_TYPE, "Record 1 has no keys: the first record's keys are the columns, so it needs at least one"],
  ['a JSON record past the record limit', `[{"a": "${'x'.repeat(1_100_000)}"}]`, JSON_TYPE, 'Record 1 is longer than 1048576 characters (1 MiB), the most one record may hold'],
  ['a JSON Lines line past the record limit', `{"a": 1}\n{"a": "${'x'.repeat(1_100_000)}"}\n`, JSONL, 'Line 2 is longer than 1048576 characters (1 MiB), the most one record may hold'],
  ['an empty first JSON Lines record', '\n{}\n{"a": 1}\n', JSONL, "Line 2 has no keys: the first record's keys are the columns, so it needs at least one"],
  ['a JSON Lines line that is not an object', '{"a": 1}\n[1, 2]\n', JSONL, 'Line 2 is not a JSON object ({"column": value, ...})'],
];

describe('ingestion: every input kind gets its exact outcome', () => {
  let ty: TestTrainyard;
  let user: ApiClient;

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
  });
  afterAll(async () => ty.dispose());

  const upload = (body: Body, type: string, query = '') =>
    user.request('POST', `/api/v1/datasets${query}`, body, { 'content-type': type });

  it.each(ACCEPTED)('accepts %s', async (_label, body, type, query, expected) => {
    const res = await upload(body, type, query);
    expect(res.statusCode, res.body).toBe(201);
    const dataset = res.json();
    expect(dataset.source).toMatchObject(expected.source);
    expect(dataset.columns.map((c: { name: string; dtype: string; n_missing: number }) => [c.name, c.dtype, c.n_missing])).toEqual(expected.columns);
    const notes = Object.fromEntries(dataset.columns.filter((c: { notes?: string[] }) => c.notes).map((c: { name: string; notes: string[] }) => [c.name, c.notes]));
    expect(notes).toEqual(expected.notes ?? {});
    const preview = (await user.request('GET', `/api/v1/datasets/${dataset.id}/preview`)).json();
    expect(preview.rows.map((row: Record<string, unknown>) => preview.columns.map((name: string) => row[name]))).toEqual(expected.rows);
    // Read back later, the data set answers what the upload did.
    expect((await user.request('GET', `/api/v1/datasets/${dataset.id}`)).json()).toEqual(dataset);
  });

  it.each(REFUSED)('refuses %s', async (_label, body, type, detail) => {
    const res = await upload(body, type);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toEqual({ detail });
  });

  it('leaves no file behind when it refuses an upload', () => {
    expect(readdirSync(join(ty.dataDir, 'datasets')).filter((name) => !name.endsWith('.table'))).toEqual([]);
  });

  it('profiles numbers, datetimes and categories', async () => {
    const res = await upload('n,d,c\n1,2024-01-03,a\n3,2024-01-01,b\n,2024-01-02,a\n', CSV);
    const [n, d, c] = res.json().columns;
    expect(n).toEqual({
      name: 'n',
      dtype: 'numeric',
      n_missing: 1,
      n_unique: 2,
      min: 1,
      max: 3,
      mean: 2,
      std: Math.SQRT2,
      value_counts: { 1: 1, 3: 1 },
      top_values: [{ value: '1', count: 1 }, { value: '3', count: 1 }],
    });
    expect(d).toMatchObject({ dtype: 'datetime', min: '2024-01-01T00:00:00.000Z', max: '2024-01-03T00:00:00.000Z', n_unique: 3 });
    expect(c).toEqual({
      name: 'c',
      dtype: 'categorical',
      n_missing: 0,
      n_unique: 2,
      value_counts: { a: 2, b: 1 },
      top_values: [{ value: 'a', count: 2 }, { value: 'b', count: 1 }],
    });
  });

  it('lists integer-like values by frequency in top_values, and gives the sample std (ddof 1) as pandas does', async () => {
    const [k, one] = (await upload('k,one\n10,5\n10,\n10,\n2,\n2,\n7,\n', CSV)).json().columns;
    // A JSON object puts integer-like keys first, ascending, whatever order they were written in.
    expect(Object.keys(k.value_counts)).toEqual(['2', '7', '10']);
    expect(k.top_values).toEqual([{ value: '10', count: 3 }, { value: '2', count: 2 }, { value: '7', count: 1 }]);
    expect(k.std).toBe(3.9200340134578764);
    expect(one).toMatchObject({ mean: 5, std: null });
  });

  it('calls a column of mostly distinct strings text, and will not train on it', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `person ${i}`);
    const csv = ['name,age,label', ...names.map((name, i) => `${name},${20 + (i % 30)},${i % 2 ? 'yes' : 'no'}`)].join('\n');
    const dataset = (await upload(csv, CSV)).json();
    expect(dataset.columns[0]).toMatchObject({ name: 'name', dtype: 'text', n_unique: 60 });
    const experimentId = await user.createExperiment();
    const train = (extra: Record<string, unknown>) =>
      user.request('POST', '/api/v1/models/train', { experiment_id: experimentId, dataset_id: dataset.id, model_type: 'logistic_regression', target_column: 'label', ...extra });
    expect((await train({ feature_columns: ['name'] })).json()).toEqual({
      detail: "Feature column 'name' is text (60 distinct values): too many to encode as a feature",
    });
    const accepted = await train({});
    expect(accepted.statusCode).toBe(202);
    const status = await user.waitForRun(accepted.json().model_run_id);
    expect(status.status).toBe('completed');
    const metrics = (await user.request('GET', `/api/v1/models/train/${accepted.json().model_run_id}/metrics`)).json();
    expect(metrics.training_metadata.feature_names).toEqual(['age']);
  });

  it('names the unusable columns when none is left to train on', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `id-${i},,${i % 2}`);
    const id = (await upload(['code,empty,label', ...names].join('\n'), CSV)).json().id;
    const experimentId = await user.createExperiment();
    const res = await user.request('POST', '/api/v1/models/train', { experiment_id: experimentId, dataset_id: id, model_type: 'logistic_regression', target_column: 'label' });
    expect(res.json()).toEqual({
      detail: "No usable feature column in dataset 'dataset': 'code' is text (60 distinct values): too many to encode as a feature; 'empty' has no values",
    });
  });

  it('takes a multipart file, its format from the file name', async () => {
    const boundary = 'trainyardboundary';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="records.jsonl"',
      'Content-Type: application/octet-stream',
      '',
      '{"x": 1}\n{"x": 2}',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await user.request('POST', '/api/v1/datasets', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'records', n_rows: 2, source: { format: 'jsonl' } });
  });

  it('previews at most `limit` rows, and 100 at the most', async () => {
    const id = (await upload(['i', ...Array.from({ length: 150 }, (_, i) => String(i))].join('\n'), CSV)).json().id;
    const preview = (await user.request('GET', `/api/v1/datasets/${id}/preview?limit=3`)).json();
    expect(preview).toEqual({
      dataset_id: id,
      columns: ['i'],
      rows: [{ i: 0 }, { i: 1 }, { i: 2 }],
      n_rows: 150,
      source: { format: 'csv', encoding: 'utf-8', bom: false, delimiter: ',', decimal_separator: '.', missing_markers: ['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?'] },
    });
    expect((await user.request('GET', `/api/v1/datasets/${id}/preview`)).json().rows).toHaveLength(20);
    const tooMany = await user.request('GET', `/api/v1/datasets/${id}/preview?limit=101`);
    expect(tooMany.json()).toEqual({ detail: 'querystring/limit must be <= 100' });
  });

  it("answers 403 on another user's dataset everywhere, 404 on an unknown one", async () => {
    const id = (await upload('a\n1\n', CSV)).json().id;
    const other = await ApiClient.register(ty.app);
    for (const [method, url] of [['GET', `/api/v1/datasets/${id}`], ['GET', `/api/v1/datasets/${id}/preview`]] as const) {
      expect((await other.request(method, url)).json()).toEqual({ detail: "You don't have permission to access this dataset" });
    }
    const del = await other.request('DELETE', `/api/v1/datasets/${id}`);
    expect([del.statusCode, del.json()]).toEqual([403, { detail: "You don't have permission to delete this dataset" }]);
    const unknown = randomUUID();
    expect((await user.request('DELETE', `/api/v1/datasets/${unknown}`)).json()).toEqual({ detail: `Dataset with id ${unknown} not found` });
  });

  it('deletes a dataset: record and file gone, runs already trained still answer', async () => {
    const id = (await upload('x,y\n1,lo\n2,lo\n3,lo\n4,hi\n5,hi\n6,hi\n', CSV)).json().id;
    const experimentId = await user.createExperiment();
    const runId = await user.train({ experiment_id: experimentId, dataset_id: id, model_type: 'decision_tree_classifier', target_column: 'y', test_size: 0.5 });
    await user.waitForRun(runId);
    const res = await user.request('DELETE', `/api/v1/datasets/${id}`);
    expect(res.json()).toEqual({ message: 'Dataset deleted successfully', dataset_id: id, file_deleted: true });
    expect((await user.request('GET', `/api/v1/datasets/${id}`)).statusCode).toBe(404);
    expect(readdirSync(join(ty.dataDir, 'datasets')).some((name) => name.startsWith(id))).toBe(false);
    // Whichever rows the split kept, the lowest and highest x fall on their own side of the learnt threshold.
    const predicted = await user.request('POST', `/api/v1/models/train/${runId}/predict`, { records: [{ x: 1 }, { x: 6 }] });
    expect(predicted.json().predictions).toEqual(['lo', 'hi']);
  });
});

describe('ingestion: the size limit holds for streamed bodies', () => {
  let ty: TestTrainyard;
  let user: ApiClient;

  beforeAll(async () => {
    ty = await startTrainyard({ TRAINYARD_MAX_UPLOAD_MB: '0.001', TRAINYARD_WORKERS: '1' });
    user = await ApiClient.register(ty.app);
  });
  afterAll(async () => ty.dispose());

  it('answers 413 once a body without a length passes the limit, and keeps nothing', async () => {
    const chunks = ['a,b\n', ...Array.from({ length: 200 }, (_, i) => `${i},${i}\n`)];
    const res = await ty.app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: Readable.from(chunks),
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ detail: 'Upload exceeds the 0.001 MB limit (TRAINYARD_MAX_UPLOAD_MB)' });
    expect(readdirSync(join(ty.dataDir, 'datasets'))).toEqual([]);
  });

  it('answers 413 for a multipart file past the limit', async () => {
    const boundary = 'b0undary';
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="big.csv"', '', `a\n${'1\n'.repeat(1000)}`, `--${boundary}--`, ''].join('\r\n');
    const res = await ty.app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: Readable.from([body]),
      headers: { authorization: `Bearer ${user.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(413);
    expect(readdirSync(join(ty.dataDir, 'datasets'))).toEqual([]);
  });
});
