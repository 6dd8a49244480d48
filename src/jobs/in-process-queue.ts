import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { RunLifecycle } from './run-lifecycle.js';
import type { TrainingJob, TrainingQueue } from './training-queue.js';
import { TrainingThreads, type Training, type TrainingThreadsOptions } from './training-threads.js';

/** A run the server stopped training to shut down: recovery trains it again when the server starts. */
const SHUTDOWN_MESSAGE = 'Queued again: the server shut down; it trains when the server starts again';

interface ActiveJob {
  training: Training;
  /** Settles when nothing more will be written for the job, shutdown bookkeeping included. */
  settled: Promise<void>;
}

/** Trains in worker threads of this process (piscina): the embedded default, nothing to install. */
export class InProcessQueue implements TrainingQueue {
  private readonly threads: TrainingThreads;
  private readonly active = new Map<string, ActiveJob>();
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly lifecycle: RunLifecycle,
    private readonly log: Logger,
    options: TrainingThreadsOptions,
  ) {
    this.threads = new TrainingThreads(lifecycle, log, options);
  }

  submit(job: TrainingJob): void {
    // Submitted while shutting down: the run stays pending, and the next start's recovery queues it.
    if (this.stopping) return;
    // One attempt per process: a run is never delivered twice here, and after a restart recovery decides.
    const training = this.threads.start(job, { id: randomUUID(), takeover: false });
    const settled = training.done
      .then(async (outcome) => {
        // A run still waiting for a thread was never claimed: it is pending already, and release leaves it so.
        if (outcome === 'shutdown') await this.lifecycle.released(job.runId, training.attempt.id, SHUTDOWN_MESSAGE);
      })
      .catch((err: unknown) => this.log.error({ event: 'training_bookkeeping_failed', model_run_id: job.runId, err }))
      .finally(() => this.active.delete(job.runId));
    this.active.set(job.runId, { training, settled });
  }

  async cancel(runId: string): Promise<boolean> {
    const entry = this.active.get(runId);
    if (!entry) return false;
    entry.training.stop('cancelled');
    await entry.settled;
    return true;
  }

  async holds(runId: string): Promise<boolean> {
    return this.active.has(runId);
  }

  async activeRunIds(): Promise<string[]> {
    return [...this.active.keys()];
  }

  stopTraining(): Promise<void> {
    this.stopping ??= (async () => {
      const entries = [...this.active.values()];
      for (const entry of entries) entry.training.stop('shutdown');
      await Promise.all(entries.map((e) => e.settled));
    })();
    return this.stopping;
  }

  async close(): Promise<void> {
    await this.stopTraining();
    await this.threads.close();
  }
}
