import { pino } from 'pino';
import { LocalArtifactStore } from '../artifacts/local-artifact-store.js';
import type { Config } from '../config/config.js';
import { openDatabase } from '../store/database.js';
import { createStore } from '../store/store.js';
import { assertQueueReachable, createBullmqWorker } from './create-queue.js';
import { RunLifecycle } from './run-lifecycle.js';

/**
 * `trainyard worker`: a process that only trains. It takes runs from the BullMQ queue, writes their
 * progress and results to the database and the shared artifact dir, and on SIGTERM/SIGINT hands
 * its running trainings back to the queue before it exits.
 */
export async function runWorkerProcess(config: Config, concurrency: number): Promise<void> {
  const log = pino({ level: config.logLevel }).child({ component: 'worker' });
  await assertQueueReachable(config);
  const db = await openDatabase(config);
  const store = createStore(db);
  const artifacts = new LocalArtifactStore(config.artifactDir);
  const lifecycle = new RunLifecycle(store, artifacts, log);
  const worker = createBullmqWorker(config, concurrency, { store, artifacts, lifecycle, log });
  await worker.ready();
  log.info({ event: 'worker_started', concurrency, queue_prefix: config.queuePrefix, artifact_dir: config.artifactDir });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'worker_stopping', signal });
    await worker.close();
    await db.destroy();
    log.info({ event: 'worker_stopped' });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
