import { MessageChannel } from 'node:worker_threads';
import type { Logger } from 'pino';
import { Piscina } from 'piscina';
import type { RunLifecycle } from './run-lifecycle.js';
import type { TrainingJob, TrainingQueue } from './training-queue.js';
import { trainingWorkerEntry } from './worker-entry.js';
import type { WorkerMessage, WorkerResult, WorkerTask } from './worker-protocol.js';

export interface InProcessQueueOptions {
  threads: number;
  maxRunSeconds: number;
}

interface ActiveJob {
  abort: AbortController;
  /** Why the job was stopped, once it was: a user's delete writes nothing; a timeout fails the run. */
  stopReason: 'cancelled' | 'timeout' | 'shutdown' | null;
  /** Settles when the job can no longer write anything. */
  settled: Promise<void>;
}

/** Trains in worker threads of this process (piscina): the embedded default, nothing to install. */
export class InProcessQueue implements TrainingQueue {
  private readonly pool: Piscina<WorkerTask, WorkerResult>;
  private readonly active = new Map<string, ActiveJob>();

  constructor(
    private readonly lifecycle: RunLifecycle,
    private readonly log: Logger,
    private readonly options: InProcessQueueOptions,
  ) {
    const entry = trainingWorkerEntry();
    this.pool = new Piscina({
      filename: entry.filename,
      execArgv: entry.execArgv,
      // Threads stay warm between runs: starting one (and, from source, compiling the engine in it)
      // costs more than a small model's whole fit. A model's memory is garbage once returned.
      minThreads: Math.max(1, options.threads),
      maxThreads: Math.max(1, options.threads),
    });
  }

  submit(job: TrainingJob): void {
    const abort = new AbortController();
    const entry: ActiveJob = { abort, stopReason: null, settled: Promise.resolve() };
    entry.settled = this.execute(job, entry);
    this.active.set(job.runId, entry);
  }

  async cancel(runId: string): Promise<boolean> {
    const entry = this.active.get(runId);
    if (!entry) return false;
    entry.stopReason = 'cancelled';
    entry.abort.abort();
    await entry.settled;
    return true;
  }

  activeRunIds(): string[] {
    return [...this.active.keys()];
  }

  async close(): Promise<void> {
    for (const entry of this.active.values()) {
      entry.stopReason = 'shutdown';
      entry.abort.abort();
    }
    await Promise.all([...this.active.values()].map((e) => e.settled));
    await this.pool.destroy();
  }

  private async execute(job: TrainingJob, entry: ActiveJob): Promise<void> {
    const channel = new MessageChannel();
    // Messages are handled one after another, and the result only after all of them: the port and
    // piscina's result travel on different channels, so a quick run's result can overtake `started`.
    let handled = Promise.resolve();
    channel.port1.on('message', (message: WorkerMessage) => {
      handled = handled.then(() => (entry.stopReason === null ? this.onMessage(job.runId, message) : undefined));
    });
    // The clock starts when the task is queued: a run waiting for a thread is still the user's wait.
    const timer = setTimeout(() => {
      entry.stopReason = 'timeout';
      entry.abort.abort();
    }, this.options.maxRunSeconds * 1000);
    try {
      const result = await this.pool.run(
        { ...job, port: channel.port2 },
        { transferList: [channel.port2], signal: entry.abort.signal },
      );
      await handled;
      if (entry.stopReason === null) await this.lifecycle.completed(job, result);
    } catch (err) {
      await handled;
      await this.onFailure(job.runId, entry, err);
    } finally {
      clearTimeout(timer);
      channel.port1.close();
      this.active.delete(job.runId);
    }
  }

  private async onMessage(runId: string, message: WorkerMessage): Promise<void> {
    try {
      if (message.type === 'started') await this.lifecycle.started(runId);
      else await this.lifecycle.progress(runId, message.fraction);
    } catch (err) {
      this.log.error({ event: 'progress_write_failed', model_run_id: runId, err });
    }
  }

  private async onFailure(runId: string, entry: ActiveJob, err: unknown): Promise<void> {
    switch (entry.stopReason) {
      case 'cancelled':
        return; // deleted by its owner: nothing more may be written for it
      case 'timeout':
        return this.lifecycle.failed(
          runId,
          `Training exceeded the time limit of ${this.options.maxRunSeconds} s (TRAINYARD_MAX_RUN_SECONDS) and was stopped`,
        );
      case 'shutdown':
        return this.lifecycle.failed(runId, 'Training was stopped because the server shut down');
      default:
        return this.lifecycle.failed(runId, err instanceof Error ? err.message : String(err));
    }
  }
}
