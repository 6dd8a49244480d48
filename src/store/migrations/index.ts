import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';
import { runAttempts } from './0002-run-attempts.js';

/** Migrations live in code (not read from a folder) so the built server and the tests run the same list. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-run-attempts': runAttempts,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/**
 * Runs the migrations not yet applied. `schema` (PostgreSQL) keeps Kysely's bookkeeping tables in
 * the deployment's own schema: unqualified, Kysely would take another schema's for ours. Processes
 * starting together are serialised by Kysely's migration lock.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
