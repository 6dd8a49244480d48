import type { Logger } from 'pino';
import type { ArtifactStore } from '../artifacts/artifact-store.js';
import type { RunAttempt } from '../store/repositories/model-runs.js';
import type { Store } from '../store/store.js';
import { toFiniteJson } from '../training/finite-json.js';
import type { TrainingJob } from './training-queue.js';
import type { WorkerResult } from './worker-protocol.js';

/** Progress is written when it moved by at least this many percentage points, to spare the database. */
const PROGRESS_STEP = 1;

/**
 * Every state change of a run, whichever queue or process trains it. Writes are conditional in the
 * repository on the run's state and on the attempt owning it, so a run deleted meanwhile is never
 * resurrected and a duplicate delivery of its job never records a second result.
 */
export class RunLifecycle {
  private readonly lastProgress = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly artifacts: ArtifactStore,
    private readonly log: Logger,
  ) {}

  /** The attempt's training began: it now owns the run. False when it must not train it (deleted, finished, owned). */
  async started(runId: string, attempt: RunAttempt): Promise<boolean> {
    if (await this.store.runs.claim(runId, attempt, now(), 'Training started')) {
      this.log.info({ event: 'training_started', model_run_id: runId, attempt_id: attempt.id });
      return true;
    }
    await this.logDropped(runId, attempt.id, 'start');
    return false;
  }

  /** False when the attempt lost the run (deleted, failed or taken over): its training should stop. */
  async progress(runId: string, attemptId: string, fraction: number): Promise<boolean> {
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
    const last = this.lastProgress.get(runId) ?? 0;
    if (percent - last < PROGRESS_STEP && percent < 100) return true;
    this.lastProgress.set(runId, percent);
    return this.store.runs.updateProgress(runId, attemptId, Math.min(percent, 99.9), `Training: ${percent.toFixed(0)}%`);
  }

  /** Saves the files and records the result; false (nothing written) when the attempt no longer owns the run. */
  async completed(job: TrainingJob, attemptId: string, result: WorkerResult): Promise<boolean> {
    this.lastProgress.delete(job.runId);
    const run = await this.store.runs.findById(job.runId);
    const recorded =
      run !== undefined &&
      (await this.store.runs.completeClaimed(job.runId, attemptId, async () => {
        const trainingMetadata = {
          training_time: result.metadata.training_time,
          created_at: run.created_at,
          hyperparameters: job.config.hyperparameters,
          ...result.metadata,
        };
        const metrics = toFiniteJson(result.evaluation.metrics);
        const artifactPath = await this.artifacts.saveRun(job.runId, {
          model: result.modelJson,
          config: { model_run_id: job.runId, ...job.config },
          metadata: { model_run_id: job.runId, metrics, training_metadata: trainingMetadata, feature_importance: result.importance },
        });
        return {
          metrics_json: JSON.stringify(metrics),
          metric_warnings_json: JSON.stringify(result.evaluation.warnings),
          feature_importance_json: JSON.stringify(result.importance),
          training_metadata_json: JSON.stringify(toFiniteJson(trainingMetadata)),
          artifact_path: artifactPath,
          completed_at: now(),
        };
      }));
    if (recorded) this.log.info({ event: 'training_completed', model_run_id: job.runId, attempt_id: attemptId });
    else await this.logDropped(job.runId, attemptId, 'result');
    return recorded;
  }

  /** Fails an active run; with `attemptId` only while that attempt owns it (or it is still pending). */
  async failed(runId: string, error: string, attemptId?: string): Promise<void> {
    this.lastProgress.delete(runId);
    if (await this.store.runs.fail(runId, error, now(), 'failed', attemptId)) {
      this.log.warn({ event: 'training_failed', model_run_id: runId, attempt_id: attemptId, error });
    }
  }

  /** The attempt gave the run up (its worker stops, or was lost): pending again, to be trained anew. */
  async released(runId: string, attemptId: string, message: string): Promise<boolean> {
    this.lastProgress.delete(runId);
    const released = await this.store.runs.release(runId, attemptId, message);
    if (released) this.log.info({ event: 'training_released', model_run_id: runId, attempt_id: attemptId, message });
    return released;
  }

  /** A duplicate delivery is normal under at-least-once queues: say which, and why it was dropped. */
  private async logDropped(runId: string, attemptId: string, what: 'start' | 'result'): Promise<void> {
    const run = await this.store.runs.findById(runId);
    const state = !run ? 'deleted' : run.status === 'running' ? `running under attempt ${run.attempt_id}` : run.status;
    this.log.warn({ event: what === 'start' ? 'duplicate_attempt_dropped' : 'duplicate_result_dropped', model_run_id: runId, attempt_id: attemptId, run_state: state });
  }
}

function now(): string {
  return new Date().toISOString();
}
