/**
 * The REST API's bodies as the dashboard reads and sends them: only the fields it uses. The dashboard
 * talks to the API over HTTP alone, so these are written here rather than imported; the root
 * typecheck holds them to the server's TypeBox schemas (test/browser/api-types.contract.ts).
 */

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export type MetricValues = Record<string, number | null>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface AccessTokenBody {
  access_token: string;
  expires_at: string;
}

export interface RegisteredUserBody {
  user_id: string;
  email: string;
}

export interface ColumnProfileBody {
  name: string;
  /** numeric, categorical, and whatever other kinds the server infers (shown as given). */
  dtype: string;
  n_missing: number;
  n_unique: number;
  /** A number, or an ISO date-time for a datetime column. */
  min?: number | string | null;
  max?: number | string | null;
  mean?: number | null;
  std?: number | null;
  value_counts?: Record<string, number>;
}

export interface DatasetBody {
  id: string;
  name: string;
  n_rows: number;
  n_columns: number;
  columns: ColumnProfileBody[];
  size_bytes: number;
  created_at: string;
}

export interface ExperimentBody {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
}

export interface RunSummaryBody {
  model_run_id: string;
  experiment_id: string;
  model_type: string;
  task_type: string;
  status: RunStatus;
  progress: number;
  created_at: string;
  completed_at: string | null;
  metrics: MetricValues | null;
}

export interface RunStatusResponse {
  model_run_id: string;
  status: RunStatus;
  progress: number;
  message: string | null;
  created_at: string;
  completed_at: string | null;
  error: string | null;
}

export interface RunMetricsBody {
  model_run_id: string;
  model_type: string;
  task_type: string;
  metrics: MetricValues;
  metric_warnings: Record<string, string>;
  training_metadata: Record<string, unknown>;
}

export interface RankedFeature {
  feature: string;
  importance: number;
  rank: number;
}

export interface RunImportanceBody {
  has_feature_importance: boolean;
  total_features: number;
  top_features: RankedFeature[] | null;
  importance_method: string | null;
  message: string | null;
  coefficients?: Record<string, number[]>;
}

export interface RunDeletedBody {
  message: string;
}

/** Bounds of one numeric form (integer or number) of a hyperparameter. */
export interface NumericRange {
  minimum?: number;
  exclusive_minimum?: boolean;
  maximum?: number;
  exclusive_maximum?: boolean;
}

export interface HyperparameterEntry {
  name: string;
  /** The JSON types it takes: integer, number, string, boolean, null. */
  type: string[];
  default: unknown;
  allowed: string;
  description: string;
  choices?: string[];
  integer_range?: NumericRange;
  number_range?: NumericRange;
}

export interface ModelEntry {
  model_type: string;
  task_type: string;
  family: string;
  description: string;
  supports_feature_importance: boolean;
  hyperparameters: HyperparameterEntry[];
}

export interface CatalogueBody {
  items: ModelEntry[];
}

export interface TrainRequestBody {
  experiment_id: string;
  dataset_id: string;
  model_type: string;
  target_column?: string | null;
  feature_columns?: string[] | null;
  hyperparameters?: Record<string, unknown> | null;
  test_size?: number;
  random_state?: number;
}

export interface TrainAcceptedBody {
  model_run_id: string;
}

export const RUN_STATUSES: readonly RunStatus[] = ['pending', 'running', 'completed', 'failed', 'cancelled'];

export function isActive(status: RunStatus): boolean {
  return status === 'pending' || status === 'running';
}

/** The fields of `training_metadata` the dashboard shows; the API leaves the object open, so each is optional. */
export interface TrainingMetadata {
  training_time?: number;
  hyperparameters?: Record<string, unknown>;
  train_samples?: number;
  test_samples?: number;
  n_features?: number;
  target_column?: string | null;
  classes?: string[];
  positive_class?: string;
  averaging?: string;
  split?: { test_size?: number; random_state?: number; stratified?: boolean };
  rows_dropped_missing_target?: number;
  /** Clustering: clusters the fit ended with (noise not counted), which may differ from n_clusters. */
  n_clusters_found?: number;
}
