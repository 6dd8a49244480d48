/**
 * `npm run load`: 500 small training runs from 20 concurrent clients against 1 API process and 2
 * worker processes (built dist/, PostgreSQL + BullMQ on Redis, on this machine only). Reports whether
 * every run completed exactly once, submissions per second, and p50/p99 latency of
 * POST /models/train and GET .../metrics under that load. Not part of CI: it takes a few minutes.
 *
 *   npm run load [-- --runs 500 --clients 20 --workers 2]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Cluster } from '../test/helpers/cluster.js';
import { MISSING_SERVICES } from '../test/helpers/services.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '500' },
    clients: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
  },
});
const RUNS = Number(values.runs);
const CLIENTS = Number(values.clients);
const WORKERS = Number(values.workers);
/** Every loop below stops by this deadline, whatever happens. */
const DEADLINE = Date.now() + 15 * 60_000;

/** Small models on iris, so the queue and the bookkeeping, not the maths, are what is loaded. */
const MODELS = [
  { model_type: 'logistic_regression', target_column: 'species' },
  { model_type: 'decision_tree_classifier', target_column: 'species' },
  { model_type: 'knn_classifier', target_column: 'species' },
  { model_type: 'random_forest_classifier', target_column: 'species', hyperparameters: { n_estimators: 10 } },
  {
    model_type: 'kmeans',
    feature_columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'],
    hyperparameters: { n_clusters: 3, n_init: 1 },
  },
];

interface Timed {
  status: number;
  body: any;
  ms: number;
}

class Client {
  constructor(
    private readonly baseUrl: string,
    private readonly token = '',
  ) {}

  async call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Timed> {
    if (Date.now() > DEADLINE) throw new Error('the load run passed its deadline');
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, ms: performance.now() - started };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(latencies: number[]): { count: number; p50_ms: number; p99_ms: number; max_ms: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { count: sorted.length, p50_ms: round(percentile(sorted, 50)), p99_ms: round(percentile(sorted, 99)), max_ms: round(sorted.at(-1)!) };
}

async function setUp(baseUrl: string): Promise<{ client: Client; experimentId: string; datasetId: string }> {
  const anonymous = new Client(baseUrl);
  const credentials = { email: `load-${Date.now()}@example.com`, password: 'load-test-password' };
  await anonymous.call('POST', '/auth/register', credentials);
  const token = (await anonymous.call('POST', '/auth/token', credentials)).body.access_token as string;
  const client = new Client(baseUrl, token);
  const experimentId = (await client.call('POST', '/experiments', { name: 'load' })).body.id as string;
  const csv = readFileSync(join(import.meta.dirname, '..', 'sample-data', 'iris.csv'), 'utf8');
  const datasetId = (await client.call('POST', '/datasets?name=iris', csv, 'text/csv')).body.id as string;
  return { client, experimentId, datasetId };
}

async function main(): Promise<void> {
  if (MISSING_SERVICES.length > 0) throw new Error(`the load run needs ${MISSING_SERVICES.join(' and ')} on 127.0.0.1`);
  // One load user submits every run, so the per-user cap on active runs is lifted for it.
  const cluster = await Cluster.create({ fromDist: true, env: { TRAINYARD_MAX_ACTIVE_RUNS_PER_USER: String(RUNS) } });
  try {
    await cluster.startApi();
    for (let i = 0; i < WORKERS; i++) await cluster.startWorker(1);
    const { client, experimentId, datasetId } = await setUp(cluster.baseUrl);

    const postLatencies: number[] = [];
    const metricsLatencies: number[] = [];
    const runIds: string[] = [];
    const finalStatus = new Map<string, string>();
    let next = 0;

    /** One user: submits runs as fast as answers come, reading the metrics of its finished runs in between. */
    const user = async (): Promise<void> => {
      const unfinished: string[] = [];
      const readOldest = async (): Promise<void> => {
        const runId = unfinished[0];
        const status = (await client.call('GET', `/models/train/${runId}/status`)).body.status as string;
        if (status === 'pending' || status === 'running') return;
        unfinished.shift();
        finalStatus.set(runId, status);
        if (status !== 'completed') return;
        const metrics = await client.call('GET', `/models/train/${runId}/metrics`);
        if (metrics.status !== 200) throw new Error(`metrics of ${runId}: ${metrics.status} ${JSON.stringify(metrics.body)}`);
        metricsLatencies.push(metrics.ms);
      };
      while (next < RUNS) {
        const index = next++;
        const answer = await client.call('POST', '/models/train', { experiment_id: experimentId, dataset_id: datasetId, ...MODELS[index % MODELS.length] });
        if (answer.status !== 202) throw new Error(`POST /models/train: ${answer.status} ${JSON.stringify(answer.body)}`);
        postLatencies.push(answer.ms);
        runIds.push(answer.body.model_run_id);
        unfinished.push(answer.body.model_run_id);
        if (unfinished.length > 1) await readOldest();
      }
      while (unfinished.length > 0) {
        const before = unfinished.length;
        await readOldest();
        if (unfinished.length === before) await new Promise((r) => setTimeout(r, 100));
      }
    };

    const started = performance.now();
    let submittedAt = 0;
    const users = Array.from({ length: CLIENTS }, () => user());
    const submitted = (async () => {
      while (postLatencies.length < RUNS && Date.now() < DEADLINE) await new Promise((r) => setTimeout(r, 5));
      submittedAt = performance.now();
    })();
    await Promise.all([...users, submitted]);
    const finishedAt = performance.now();

    const completions = new Map<string, number>();
    for (const runId of runIds) completions.set(runId, (await cluster.waitForEvent('training_completed', runId)).length);
    const completed = [...finalStatus.values()].filter((s) => s === 'completed').length;
    const duplicated = [...completions.values()].filter((n) => n > 1).length;
    const byWorker = Object.fromEntries(
      cluster.processes.filter((p) => p.name.startsWith('worker')).map((p) => [p.name, p.events('training_completed').length]),
    );
    const report = {
      runs: RUNS,
      clients: CLIENTS,
      api_processes: 1,
      worker_processes: WORKERS,
      completed,
      not_completed: RUNS - completed,
      duplicated_results: duplicated,
      duplicate_deliveries_dropped: cluster.processes.flatMap((p) => p.events('duplicate_attempt_dropped')).length,
      trained_by_worker: byWorker,
      submissions_per_second: Math.round((RUNS / ((submittedAt - started) / 1000)) * 10) / 10,
      all_completed_after_seconds: Math.round((finishedAt - started) / 100) / 10,
      post_models_train: summary(postLatencies),
      get_metrics: summary(metricsLatencies),
    };
    console.log(JSON.stringify(report, null, 2));
    if (report.not_completed > 0 || duplicated > 0) process.exitCode = 1;
  } finally {
    await cluster.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
