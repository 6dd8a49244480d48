import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../config/config.js';
import { STARTUP_TIMEOUT_MS, reachAtStartup } from '../config/unreachable-service.js';
import { migrateToLatest } from './migrations/index.js';
import type { Database } from './schema.js';

/** Where a DATABASE_URL points: pg's own connection string, plus the schema Trainyard's tables live in. */
export interface PostgresLocation {
  connectionString: string;
  schema: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INT8_OID = 20;
const DUPLICATE_SCHEMA = ['42P06', '23505'];

/**
 * Splits `postgres://user@host:5432/db?schema=name` into pg's connection string and the schema.
 * `schema` (default `public`) is ours, as in Prisma's URLs: several deployments or test runs can
 * then share one database, each in its own schema.
 */
export function parseDatabaseUrl(url: string): PostgresLocation {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  // The name goes into a connection option string: nothing but an identifier may reach it.
  if (!SCHEMA_NAME.test(schema)) {
    throw new ConfigError(`DATABASE_URL schema must be a lower-case SQL identifier (a-z, 0-9, _), got '${schema}'`);
  }
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/**
 * Opens a PostgreSQL pool whose every connection works in the URL's schema (created if missing),
 * and brings that schema up to date with the same migrations SQLite runs.
 */
export async function openPostgresDatabase(url: string): Promise<Kysely<Database>> {
  const { connectionString, schema } = parseDatabaseUrl(url);
  await assertPostgresReachable(url, connectionString);
  const pool = new pg.Pool({
    connectionString,
    // The search path is a connection setting, so unqualified table names (all of ours) resolve
    // to the schema without a single query naming it.
    options: `-c search_path=${schema}`,
    // bigint (size_bytes, count(*)) arrives as text by default, to spare values past 2^53; ours
    // are byte sizes and row counts, so numbers, as SQLite returns them.
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await createSchema(db, schema);
    await migrateToLatest(db, schema);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

/**
 * Throws an UnreachableServiceError unless one connection answers within the start-up timeout:
 * through the pool, a wrong URL surfaces as a bare driver stack, and a silent host is waited on without end.
 */
async function assertPostgresReachable(url: string, connectionString: string): Promise<void> {
  // pg's own timeout destroys the socket of a connection a silent host never completes.
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: STARTUP_TIMEOUT_MS });
  // The connect() rejection carries the reason; the event would only repeat it.
  client.on('error', () => undefined);
  try {
    await reachAtStartup('DATABASE_URL', 'PostgreSQL', url, async () => {
      await client.connect();
      await client.query('select 1');
    });
  } finally {
    // Not awaited: ending a connection still being set up waits for the host to close it.
    void client.end().catch(() => undefined);
  }
}

async function createSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (err) {
    // Processes starting together race to create it: "if not exists" is not atomic in PostgreSQL.
    if (!DUPLICATE_SCHEMA.includes((err as { code?: string }).code ?? '')) throw err;
  }
}
