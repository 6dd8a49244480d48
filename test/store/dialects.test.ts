import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, parseDatabaseUrl } from '../../src/store/postgres-database.js';
import { createStore, type Store } from '../../src/store/store.js';
import { describeEachDialect, type TestDatabase } from '../helpers/databases.js';
import { databaseUrlFor, dropIsolated, skipReason } from '../helpers/services.js';

const T0 = '2026-01-02T03:04:05.678Z';

/** One row per table with the awkward values: non-ASCII text, quotes, nulls, a size past 2^32, a fractional progress. */
function sampleRows() {
  const user = { id: randomUUID(), email: 'zoë@example.com', password_hash: '$argon2id$v=19$m=19456,t=2,p=1$abc', created_at: T0 };
  const token = { token_hash: 'f'.repeat(64), user_id: user.id, created_at: T0, expires_at: '2026-02-01T00:00:00.000Z' };
  const experiment = { id: randomUUID(), user_id: user.id, name: 'Ölçüm ✓ "quoted" \'single\'', description: null, created_at: T0 };
  const dataset = {
    id: randomUUID(),
    user_id: user.id,
    name: 'données',
    n_rows: 2_147_483_647,
    n_columns: 3,
    columns_json: JSON.stringify([{ name: 'température', dtype: 'numeric' }]),
    size_bytes: 2 ** 40 + 1,
    created_at: T0,
  };
  const run = {
    id: randomUUID(),
    experiment_id: experiment.id,
    dataset_id: dataset.id,
    model_type: 'random_forest_classifier',
    task_type: 'classification',
    status: 'running' as const,
    progress: 33.3,
    message: 'Training: 33%',
    error: null,
    task_id: randomUUID(),
    config_json: JSON.stringify({ hyperparameters: { n_estimators: 100, max_depth: null } }),
    metrics_json: JSON.stringify({ accuracy: 0.9666666666666667 }),
    metric_warnings_json: '[]',
    feature_importance_json: null,
    training_metadata_json: null,
    artifact_path: null,
    created_at: T0,
    started_at: T0,
    completed_at: null,
    attempt_id: 'run#1',
  };
  return { user, token, experiment, dataset, run };
}

describeEachDialect('the schema reads back what it stores', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await dialect.open();
    store = createStore(database.db);
  });
  afterAll(async () => database?.dispose());

  it('every column type round-trips with the JavaScript type the code expects', async () => {
    const rows = sampleRows();
    await store.users.insert(rows.user);
    await store.tokens.insert(rows.token);
    await store.experiments.insert(rows.experiment);
    await store.datasets.insert(rows.dataset);
    await store.runs.insert(rows.run);

    expect(await store.users.findByEmail('zoë@example.com')).toEqual(rows.user);
    expect(await store.tokens.findUserId(rows.token.token_hash, T0)).toBe(rows.user.id);
    expect(await store.tokens.findUserId(rows.token.token_hash, '2026-03-01T00:00:00.000Z')).toBeUndefined();
    expect(await store.experiments.findById(rows.experiment.id)).toEqual(rows.experiment);
    expect(await store.datasets.findById(rows.dataset.id)).toEqual(rows.dataset);
    expect(await store.runs.findById(rows.run.id)).toEqual(rows.run);
    expect(await store.runs.findWithOwner(rows.run.id)).toEqual({ ...rows.run, owner_id: rows.user.id });
    // Counts arrive as numbers on both (PostgreSQL's bigint is text unless parsed).
    expect(await store.users.count()).toBe(1);
    expect(await store.datasets.listByUser(rows.user.id, { limit: 10, offset: 0 })).toEqual({
      items: [rows.dataset],
      total: 1,
      limit: 10,
      offset: 0,
    });
  });

  it('a run row inserted without attempt_id has none', async () => {
    const { run } = sampleRows();
    const experiment = (await database.db.selectFrom('experiments').select('id').executeTakeFirstOrThrow()).id;
    const { attempt_id: _omitted, ...withoutAttempt } = run;
    await store.runs.insert({ ...withoutAttempt, experiment_id: experiment, status: 'pending' });
    expect((await store.runs.findById(run.id))?.attempt_id).toBeNull();
  });
});

describe('DATABASE_URL', () => {
  it('takes the schema out of the URL for pg, public by default', () => {
    expect(parseDatabaseUrl('postgres://u:p@db.example:5433/trainyard?schema=team_a&sslmode=require')).toEqual({
      connectionString: 'postgres://u:p@db.example:5433/trainyard?sslmode=require',
      schema: 'team_a',
    });
    expect(parseDatabaseUrl('postgresql://db.example/trainyard').schema).toBe('public');
  });

  it.each(['Team', 'a-b', 'x;drop table users', 'a b', '1abc'])('refuses the schema %j: it becomes part of a connection option', (schema) => {
    expect(() => parseDatabaseUrl(`postgres://db.example/t?schema=${encodeURIComponent(schema)}`)).toThrow(
      `DATABASE_URL schema must be a lower-case SQL identifier (a-z, 0-9, _), got '${schema}'`,
    );
  });
});

const noPostgres = skipReason(['PostgreSQL']);
describe.skipIf(noPostgres !== null)(`PostgreSQL schemas ${noPostgres ?? ''}`.trim(), () => {
  it('processes starting together on a new schema migrate it once; another schema is migrated on its own', async () => {
    const [a, b] = [randomUUID(), randomUUID()].map((u) => u.replaceAll('-', '').slice(0, 16));
    try {
      const together = await Promise.all([0, 1, 2].map(() => openPostgresDatabase(databaseUrlFor(a))));
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(together[0]);
      expect(applied.rows.map((r) => r.name)).toEqual(['0001-initial', '0002-run-attempts']);
      await Promise.all(together.map((db) => db.destroy()));

      // Schema b must get its own tables although schema a already has a kysely_migration table.
      const other = await openPostgresDatabase(databaseUrlFor(b));
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = ${`ty_${b}`} order by table_name`.execute(other);
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'api_tokens',
        'datasets',
        'experiments',
        'kysely_migration',
        'kysely_migration_lock',
        'model_runs',
        'users',
      ]);
      await other.destroy();
    } finally {
      await dropIsolated(a, ['PostgreSQL']);
      await dropIsolated(b, ['PostgreSQL']);
    }
  });
});
