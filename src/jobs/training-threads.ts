import { MessageChannel } from 'node:worker_threads';
import type { Logger } from 'pino';
import { Piscina } from 'piscina';
import type { RunAttempt } from '../store/repositories/model-runs.js';
import { explainAllocationFailure } from '../training/allocation-failure.js';
import type { RunLifecycle } from './run-lifecycle.js';
import type { TrainingJob } from './training-queue.js';
import { trainingWorkerEntry } from './worker-entry.js';
import type { WorkerMessage, WorkerResult, WorkerTask } from './worker-protocol.js';

export interface TrainingThreadsOptions {
  threads: number;
  maxRunSeconds: number;
}

/** Why a training was stopped before it finished. */
export type StopReason = 'cancelled' | 'timeout' | 'shutdown' | 'lost-run';

/**
 * How a training ended. `cancelled`, `shutdown` and `dropped` wrote nothing: the caller decides
 * what a shutdown means (fail or hand back); `dropped` means the attempt did not own the run
 * (deleted, finished, or owned by another delivery of its job).
 */
export type TrainingOutcome = 'completed' | 'failed' | 'cancelled' | 'shutdown' | 'dropped';

/** One training on a thread: stop it, or wait for how it ended (never rejects). */
export interface Training {
  readonly attempt: RunAttempt;
  stop(reason: StopReason): void;
  readonly done: Promise<TrainingOutcome>;
}

interface Control {
  abort: AbortController;
  stopReason: StopReason | null;
  /** Set once the run was claimed for this attempt (or the claim was refused). */
  claim: Promise<boolean> | null;
}

/**
 * A pool of training threads (piscina) that reports every step of a training to the RunLifecycle:
 * the run is claimed when the thread starts, progress is written as it comes, the result or the
 * failure at the end. Shared by the in-process queue and the BullMQ worker.
 */
export class TrainingThreads {
  private readonly pool: Piscina<WorkerTask, WorkerResult>;

  constructor(
    private readonly lifecycle: RunLifecycle,
    private readonly log: Logger,
    private readonly options: TrainingThreadsOptions,
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

  /** Queues the training for a thread; the time limit counts from now, since waiting is the user's wait too. */
  start(job: TrainingJob, attempt: RunAttempt): Training {
    const control: Control = { abort: new AbortController(), stopReason: null, claim: null };
    const stop = (reason: StopReason): void => {
      if (control.stopReason !== null) return;
      control.stopReason = reason;
      control.abort.abort();
    };
    const done = this.execute(job, attempt, control, stop).catch((err: unknown) => {
      // Only bookkeeping can throw here (the database went away): the run is left for recovery.
      this.log.error({ event: 'training_bookkeeping_failed', model_run_id: job.runId, attempt_id: attempt.id, err });
      return 'failed' as const;
    });
    return { attempt, stop, done };
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async execute(job: TrainingJob, attempt: RunAttempt, control: Control, stop: (r: StopReason) => void): Promise<TrainingOutcome> {
    const claim = (): Promise<boolean> =>
      (control.claim ??= this.lifecycle.started(job.runId, attempt).then((owned) => {
        if (!owned) stop('lost-run');
        return owned;
      }));
    const channel = new MessageChannel();
    // Messages are handled one after another, and the result only after all of them: the port and
    // piscina's result travel on different channels, so a quick run's result can overtake `started`.
    let handled = Promise.resolve();
    channel.port1.on('message', (message: WorkerMessage) => {
      handled = handled.then(() => (control.stopReason === null ? this.onMessage(job.runId, attempt, message, claim, stop) : undefined));
    });
    const timer = setTimeout(() => stop('timeout'), this.options.maxRunSeconds * 1000);
    try {
      const result = await this.pool.run({ ...job, port: channel.port2 }, { transferList: [channel.port2], signal: control.abort.signal });
      await handled;
      if (control.stopReason !== null) return this.onStopped(job.runId, attempt, control.stopReason);
      if (!(await claim())) return 'dropped';
      return (await this.lifecycle.completed(job, attempt.id, result)) ? 'completed' : 'dropped';
    } catch (err) {
      await handled;
      if (control.stopReason !== null) return this.onStopped(job.runId, attempt, control.stopReason);
      // The thread explains its own errors (their RangeError type is lost on the way here); a thread
      // stopped at its heap limit never ran that code, so it is explained here.
      const reported = explainAllocationFailure(err);
      await this.lifecycle.failed(job.runId, reported instanceof Error ? reported.message : String(reported), attempt.id);
      return 'failed';
    } finally {
      clearTimeout(timer);
      channel.port1.close();
    }
  }

  private async onMessage(
    runId: string,
    attempt: RunAttempt,
    message: WorkerMessage,
    claim: () => Promise<boolean>,
    stop: (r: StopReason) => void,
  ): Promise<void> {
    try {
      if (message.type === 'started') await claim();
      else if ((await claim()) && !(await this.lifecycle.progress(runId, attempt.id, message.fraction))) stop('lost-run');
    } catch (err) {
      this.log.error({ event: 'progress_write_failed', model_run_id: runId, err });
    }
  }

  private async onStopped(runId: string, attempt: RunAttempt, reason: StopReason): Promise<TrainingOutcome> {
    switch (reason) {
      case 'cancelled':
        return 'cancelled'; // deleted by its owner: nothing more may be written for it
      case 'lost-run':
        return 'dropped';
      case 'shutdown':
        return 'shutdown';
      case 'timeout':
        await this.lifecycle.failed(
          runId,
          `Training exceeded the time limit of ${this.options.maxRunSeconds} s (TRAINYARD_MAX_RUN_SECONDS) and was stopped`,
          attempt.id,
        );
        return 'failed';
    }
  }
}
