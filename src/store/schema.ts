import type { ColumnType } from 'kysely';

/**
 * Table shapes as Kysely sees them. Timestamps are ISO-8601 strings and structured values are
 * JSON text, so SQLite and PostgreSQL share one schema and one code path.
 */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  created_at: string;
}

export interface ApiTokensTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ExperimentsTable {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  created_at: string;
}

export interface DatasetsTable {
  id: string;
  user_id: string;
  name: string;
  n_rows: number;
  n_columns: number;
  /** JSON: ColumnProfile[] */
  columns_json: string;
  size_bytes: number;
  created_at: string;
}

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface ModelRunsTable {
  id: string;
  experiment_id: string;
  dataset_id: string;
  model_type: string;
  task_type: string;
  status: RunStatus;
  progress: number;
  message: string | null;
  error: string | null;
  task_id: string;
  /** JSON: RunConfig */
  config_json: string;
  /** JSON, set on completion */
  metrics_json: string | null;
  metric_warnings_json: string | null;
  feature_importance_json: string | null;
  training_metadata_json: string | null;
  artifact_path: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  /** The job delivery that owns the run while it trains (see migration 0002); optional on insert. */
  attempt_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Database {
  users: UsersTable;
  api_tokens: ApiTokensTable;
  experiments: ExperimentsTable;
  datasets: DatasetsTable;
  model_runs: ModelRunsTable;
}
