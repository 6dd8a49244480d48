import type { Kysely, Migration } from 'kysely';

export const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('experiments')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('experiments_user_idx').on('experiments').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('datasets')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('n_rows', 'integer', (c) => c.notNull())
      .addColumn('n_columns', 'integer', (c) => c.notNull())
      .addColumn('columns_json', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('datasets_user_idx').on('datasets').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('model_runs')
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('experiment_id', 'varchar(36)', (c) =>
        c.notNull().references('experiments.id').onDelete('cascade'),
      )
      .addColumn('dataset_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('model_type', 'text', (c) => c.notNull())
      .addColumn('task_type', 'varchar(20)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('message', 'text')
      .addColumn('error', 'text')
      .addColumn('task_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('config_json', 'text', (c) => c.notNull())
      .addColumn('metrics_json', 'text')
      .addColumn('metric_warnings_json', 'text')
      .addColumn('feature_importance_json', 'text')
      .addColumn('training_metadata_json', 'text')
      .addColumn('artifact_path', 'text')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('started_at', 'varchar(40)')
      .addColumn('completed_at', 'varchar(40)')
      .execute();
    await db.schema
      .createIndex('model_runs_experiment_idx')
      .on('model_runs')
      .columns(['experiment_id', 'created_at'])
      .execute();
    await db.schema.createIndex('model_runs_status_idx').on('model_runs').column('status').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['model_runs', 'datasets', 'experiments', 'api_tokens', 'users']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
