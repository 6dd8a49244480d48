import type { Kysely, Migration } from 'kysely';

/**
 * Which delivery of a run's job owns the run. With worker processes a job can be delivered twice
 * (a worker thought lost is retried while it still runs); only the owner may write progress or a result.
 */
export const runAttempts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('model_runs').addColumn('attempt_id', 'varchar(64)').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('model_runs').dropColumn('attempt_id').execute();
  },
};
