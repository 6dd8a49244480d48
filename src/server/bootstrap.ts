import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { LocalArtifactStore } from '../artifacts/local-artifact-store.js';
import type { Config } from '../config/config.js';
import { InProcessQueue } from '../jobs/in-process-queue.js';
import { recoverRuns } from '../jobs/recovery.js';
import { RunLifecycle } from '../jobs/run-lifecycle.js';
import type { TrainingQueue } from '../jobs/training-queue.js';
import { openSqliteDatabase } from '../store/database.js';
import { createStore, type Store } from '../store/store.js';
import { buildApp } from './app.js';
import { AuthService } from './services/auth-service.js';
import { DatasetService } from './services/dataset-service.js';
import { ExperimentService } from './services/experiment-service.js';
import { RunService } from './services/run-service.js';

export interface Trainyard {
  app: FastifyInstance;
  store: Store;
  services: { auth: AuthService };
  queue: TrainingQueue;
  /** Stops training, then the HTTP server, then the database. */
  close(): Promise<void>;
}

/** Builds the embedded service: SQLite + worker threads + local artifacts under the data dir. */
export async function createTrainyard(config: Config, logger?: Logger): Promise<Trainyard> {
  const log = logger ?? pino({ level: config.logLevel });
  const db = await openSqliteDatabase(join(config.dataDir, 'trainyard.sqlite'));
  const store = createStore(db);
  const artifacts = new LocalArtifactStore(config.dataDir);
  const lifecycle = new RunLifecycle(store, artifacts, log.child({ component: 'jobs' }));
  const queue = new InProcessQueue(lifecycle, log, { threads: config.workers, maxRunSeconds: config.maxRunSeconds });
  const experiments = new ExperimentService(store);
  const datasets = new DatasetService(store, artifacts);
  const services = {
    auth: new AuthService(store, config.tokenTtlHours),
    experiments,
    datasets,
    runs: new RunService(store, artifacts, queue, experiments, datasets),
  };
  const app = await buildApp({ services, maxUploadMb: config.maxUploadMb, logger: log });
  const recovered = await recoverRuns(store, artifacts, lifecycle, queue);
  if (recovered.failed.length || recovered.requeued.length) log.info({ event: 'runs_recovered', ...recovered });
  return {
    app,
    store,
    services,
    queue,
    close: async () => {
      await queue.close();
      await app.close();
      await db.destroy();
    },
  };
}
