import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnchorAvailability } from '../anchor-tools.js';
import { REPO_ROOT } from '../paths.js';
import { csvPath, ensureCsv } from '../shape-data.js';
import { ApiSession } from './api-session.js';
import { startBenchServer } from './bench-server.js';
import { startEventLoopDelay, type EventLoopDelay } from './event-loop-delay.js';
import type { LoadFigures, LoadMessage, LoadRequest } from './load-child.js';

const LOAD_CHILD = join(import.meta.dirname, 'load-child.ts');
const LOAD_SECONDS = 10;
const LOAD_CONNECTIONS = 10;
/**
 * The load windows, one after the other: as fast as the connections go (the most requests the
 * server answers, latency included queueing behind its own backlog), then paced at the issue's
 * 1000 requests/s, where the latency is what a client sees at that rate.
 */
const OFFERED_RATES: readonly (number | null)[] = [null, 1000];
/** Above the default 100 MB: the large CSV is 110 MB. */
const MAX_UPLOAD_MB = 1024;
/** The quick run whose metrics are read under load. */
const QUICK_MODEL = { model_type: 'logistic_regression' };
/**
 * Trees for the forest training meanwhile, which must outlast the load windows: 300 of unlimited
 * depth on large's 160 000 training rows (200 took about 40 s on the 2-core dev box); medium's
 * 16 000 grew 200 in 2.6 s, so it gets 4000. The report warns when a forest ends too soon all the same.
 */
const FOREST_TREES = { large: 300, medium: 4000 } as const;
const QUICK_RUN_TIMEOUT_S = 600;
const START_TIMEOUT_S = 120;

export interface ServeResult {
  shape: string;
  uploadSeconds: number;
  forest: ForestRequest;
  /** Whether the forest was still training when the load ended: if not, part of the window had no training load. */
  forestTrainingThroughout: boolean;
  windows: LoadWindow[];
}

export interface LoadWindow {
  /** Requests per second offered; null: as fast as the connections go. */
  offeredRate: number | null;
  load: LoadFigures & { seconds: number; connections: number };
  /** The server process's event loop, over the load window. */
  eventLoopDelay: EventLoopDelay;
}

/**
 * GET /models/train/{id}/metrics under load while a big forest trains on the same server: the
 * requests per second and latencies a client sees, and how late the server's event loop ran.
 */
export async function runServeSection(dataDir: string, anchors: AnchorAvailability): Promise<ServeResult> {
  const shape: keyof typeof FOREST_TREES = existsSync(csvPath(dataDir, 'large')) ? 'large' : 'medium';
  const forest = bigForest(shape);
  const csv = await ensureCsv(dataDir, shape, anchors);
  const server = await startBenchServer(MAX_UPLOAD_MB);
  try {
    const api = await ApiSession.register(server.baseUrl);
    const experimentId = await api.createExperiment('bench');
    const uploadStarted = performance.now();
    const datasetId = await api.uploadCsv(csv, shape);
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    const runOn = { experiment_id: experimentId, dataset_id: datasetId, target_column: 'target' };
    const quickRun = await api.train({ ...runOn, ...QUICK_MODEL });
    await api.waitFor(quickRun, ['completed'], QUICK_RUN_TIMEOUT_S);
    const forestRun = await api.train({ ...runOn, ...forest });
    await api.waitFor(forestRun, ['running'], START_TIMEOUT_S);
    console.log(`serve: ${OFFERED_RATES.length} x ${LOAD_SECONDS} s of GET .../metrics while ${forest.hyperparameters.n_estimators} trees train on ${shape}`);
    const windows: LoadWindow[] = [];
    for (const offeredRate of OFFERED_RATES) windows.push(await loadWhileMeasuring(api.runUrl(quickRun, 'metrics'), api.token, offeredRate));
    const forestTrainingThroughout = (await api.status(forestRun)) === 'running';
    await api.delete(forestRun);
    return { shape, uploadSeconds, forest, forestTrainingThroughout, windows };
  } finally {
    await server.close();
  }
}

interface ForestRequest {
  model_type: string;
  hyperparameters: { n_estimators: number };
}

function bigForest(shape: keyof typeof FOREST_TREES): ForestRequest {
  return { model_type: 'random_forest_classifier', hyperparameters: { n_estimators: FOREST_TREES[shape] } };
}

/** Runs the load child; the event-loop histogram covers exactly its requests, not its start-up. */
async function loadWhileMeasuring(url: string, token: string, offeredRate: number | null): Promise<LoadWindow> {
  const request: LoadRequest = { url, token, seconds: LOAD_SECONDS, connections: LOAD_CONNECTIONS, ...(offeredRate ? { overallRate: offeredRate } : {}) };
  const delay = startEventLoopDelay();
  const child = fork(LOAD_CHILD, [JSON.stringify(request)], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'] });
  const figures = await new Promise<LoadFigures>((resolve, reject) => {
    child.on('message', (message: LoadMessage) => {
      if (message.kind === 'started') delay.reset();
      else resolve(message.figures);
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the load child exited with code ${code} before reporting`)));
  });
  const eventLoopDelay = delay.stop();
  return { offeredRate, load: { ...figures, seconds: LOAD_SECONDS, connections: LOAD_CONNECTIONS }, eventLoopDelay };
}
