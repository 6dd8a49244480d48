import type { ModelRunRow } from '../../store/repositories/model-runs.js';
import type { NamedImportance } from '../../training/named-importance.js';

type Metrics = Record<string, number | null>;

export function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export function runSummary(run: ModelRunRow) {
  return {
    model_run_id: run.id,
    experiment_id: run.experiment_id,
    model_type: run.model_type,
    task_type: run.task_type,
    status: run.status,
    progress: run.progress,
    created_at: run.created_at,
    completed_at: run.completed_at,
    metrics: parseJson<Metrics>(run.metrics_json),
  };
}

export function runStatus(run: ModelRunRow) {
  return {
    model_run_id: run.id,
    status: run.status,
    progress: run.progress,
    message: run.message,
    created_at: run.created_at,
    started_at: run.started_at,
    completed_at: run.completed_at,
    error: run.error,
  };
}

export function runResult(run: ModelRunRow) {
  const metadata = parseJson<Record<string, unknown>>(run.training_metadata_json) ?? {};
  return {
    model_run_id: run.id,
    experiment_id: run.experiment_id,
    model_type: run.model_type,
    status: run.status,
    metrics: parseJson<Metrics>(run.metrics_json),
    metric_warnings: parseJson<Record<string, string>>(run.metric_warnings_json) ?? {},
    feature_importance: parseJson<NamedImportance>(run.feature_importance_json)?.values ?? null,
    training_metadata: {
      training_time: metadata.training_time,
      created_at: metadata.created_at,
      hyperparameters: metadata.hyperparameters,
    },
    model_artifact_path: run.artifact_path,
    created_at: run.created_at,
    completed_at: run.completed_at,
  };
}

export function runMetrics(run: ModelRunRow, metrics: Metrics) {
  const importance = parseJson<NamedImportance>(run.feature_importance_json);
  return {
    model_run_id: run.id,
    model_type: run.model_type,
    task_type: run.task_type,
    metrics,
    metric_warnings: parseJson<Record<string, string>>(run.metric_warnings_json) ?? {},
    training_metadata: parseJson<Record<string, unknown>>(run.training_metadata_json) ?? {},
    // The spec marks this optional: a model without importance leaves it out.
    ...(importance ? { feature_importance: importance.values } : {}),
  };
}

/** `detail`: "input" ranks input columns (one-hot parts summed), "encoded" the features the model saw. */
export function runFeatureImportance(run: ModelRunRow, topN: number, detail: 'input' | 'encoded' = 'input') {
  const importance = parseJson<NamedImportance>(run.feature_importance_json);
  const base = { model_run_id: run.id, model_type: run.model_type, task_type: run.task_type };
  if (!importance) {
    return {
      ...base,
      has_feature_importance: false,
      feature_importance: null,
      feature_importance_dict: null,
      total_features: 0,
      top_features: null,
      importance_method: null,
      message: `Model type '${run.model_type}' does not support feature importance`,
    };
  }
  // Runs trained before encoded importance was kept have only the input-column values.
  const encoded = detail === 'encoded' && importance.encoded !== undefined;
  const values = encoded ? importance.encoded : importance.values;
  // Stable sort: equal importances keep the dataset's column order.
  const ranked = Object.entries(values)
    .map(([feature, value], order) => ({ feature, importance: value, order }))
    .sort((a, b) => b.importance - a.importance || a.order - b.order)
    .map(({ feature, importance: value }, i) => ({
      feature,
      importance: value,
      rank: i + 1,
      ...(encoded ? { input_column: importance.encoded_sources[feature] } : {}),
    }));
  return {
    ...base,
    has_feature_importance: true,
    feature_importance: ranked,
    feature_importance_dict: Object.fromEntries(ranked.map((r) => [r.feature, r.importance])),
    total_features: ranked.length,
    top_features: ranked.slice(0, topN),
    importance_method: importance.method,
    message: null,
    ...(importance.coefficients ? { coefficients: importance.coefficients } : {}),
  };
}
