import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { RunLifecycle } from './run-lifecycle.js';
import type { TrainingJob, TrainingQueue } from './training-queue.js';
import { TrainingThreads, type Training, type TrainingThreadsOptions } from './training-threads.js';

const SHUTDOWN_ERROR = 'Training was stopped because the server shut down';

interface ActiveJob {
  training: Training;
  /** Settles when nothing more will be written for the job, shutdown bookkeeping included. */
  settled: Promise<void>;
}

/** Trains in worker threads of this process (piscina): the embedded default, nothing to install. */
export class InProcessQueue implements TrainingQueue {
  private readonly threads: TrainingThreads;
  private readonly active = new Map<string, ActiveJob>();

  constructor(
    private readonly lifecycle: RunLifecycle,
    private readonly log: Logger,
    options: TrainingThreadsOptions,
  ) {
    this.threads = new TrainingThreads(lifecycle, log, options);
  }

  submit(job: TrainingJob): void {
    // One attempt per process: a run is never delivered twice here, and after a restart recovery decides.
    const training = this.threads.start(job, { id: randomUUID(), takeover: false });
    const settled = training.done
      .then(async (outcome) => {
        if (outcome === 'shutdown') await this.lifecycle.failed(job.runId, SHUTDOWN_ERROR, training.attempt.id);
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

  async close(): Promise<void> {
    const entries = [...this.active.values()];
    for (const entry of entries) entry.training.stop('shutdown');
    await Promise.all(entries.map((e) => e.settled));
    await this.threads.close();
  }
}
