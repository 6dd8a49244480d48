import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openPostgresDatabase } from './postgres-database.js';
import type { Database } from './schema.js';
import { openSqliteDatabase } from './sqlite-database.js';

export type Db = Kysely<Database>;

export { openPostgresDatabase } from './postgres-database.js';
export { openSqliteDatabase } from './sqlite-database.js';

/** PostgreSQL when a DATABASE_URL is set; otherwise the embedded SQLite file in the data dir. */
export async function openDatabase(options: { databaseUrl: string | null; dataDir: string }): Promise<Db> {
  if (options.databaseUrl) return openPostgresDatabase(options.databaseUrl);
  return openSqliteDatabase(join(options.dataDir, 'trainyard.sqlite'));
}
