import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { LocalArtifactStore } from '../artifacts/local-artifact-store.js';
import type { Config } from '../config/config.js';
import { assertQueueReachable, createTrainingQueue } from '../jobs/create-queue.js';
import { recoverRuns } from '../jobs/recovery.js';
import { RunLifecycle } from '../jobs/run-lifecycle.js';
import type { TrainingQueue } from '../jobs/training-queue.js';
import { openDatabase } from '../store/database.js';
import { createStore, type Store } from '../store/store.js';
import { buildApp } from './app.js';
import { AuthService } from './services/auth-service.js';
import { DatasetService } from './services/dataset-service.js';
import { ExperimentService } from './services/experiment-service.js';
import { PredictionService } from './services/prediction-service.js';
import { RunService } from './services/run-service.js';

export interface Trainyard {
  app: FastifyInstance;
  store: Store;
  services: { auth: AuthService };
  queue: TrainingQueue;
  /** Stops training (handing the running runs back), then the HTTP server, the queue and the database. */
  close(): Promise<void>;
}

/**
 * Builds the service from its configuration: SQLite or PostgreSQL (DATABASE_URL), worker threads or
 * BullMQ on Redis (REDIS_URL), artifacts under TRAINYARD_ARTIFACT_DIR (the data dir by default).
 */
export async function createTrainyard(config: Config, logger?: Logger): Promise<Trainyard> {
  const log = logger ?? pino({ level: config.logLevel });
  await assertQueueReachable(config);
  const db = await openDatabase(config);
  const store = createStore(db);
  const artifacts = new LocalArtifactStore(config.artifactDir);
  const jobsLog = log.child({ component: 'jobs' });
  const lifecycle = new RunLifecycle(store, artifacts, jobsLog);
  const queue = await createTrainingQueue(config, { store, artifacts, lifecycle, log: jobsLog });
  const experiments = new ExperimentService(store);
  const datasets = new DatasetService(store, artifacts);
  const runs = new RunService(store, artifacts, queue, experiments, datasets, config.maxActiveRunsPerUser);
  const services = {
    auth: new AuthService(store, config.tokenTtlHours),
    experiments,
    datasets,
    runs,
    predictions: new PredictionService(artifacts, runs),
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
      // Training stops first, so that no queued run starts while requests drain and none keeps
      // the shutdown waiting; the queue itself closes after HTTP, as a request still in flight
      // may need it (a delete revokes a job).
      await queue.stopTraining();
      await app.close();
      await queue.close();
      await db.destroy();
    },
  };
}
