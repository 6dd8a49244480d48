import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';

/** Migrations live in code (not read from a folder) so the built server and the tests run the same list. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
