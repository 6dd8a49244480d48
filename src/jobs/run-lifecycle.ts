import type { Logger } from 'pino';
import type { ArtifactStore } from '../artifacts/artifact-store.js';
import type { Store } from '../store/store.js';
import { toFiniteJson } from '../training/finite-json.js';
import type { TrainingJob } from './training-queue.js';
import type { WorkerResult } from './worker-protocol.js';

/** Progress is written when it moved by at least this many percentage points, to spare the database. */
const PROGRESS_STEP = 1;

/**
 * Every state change of a run, whichever queue ran it. Writes are conditional in the repository,
 * so a run deleted meanwhile is never resurrected, and files written for it are removed again.
 */
export class RunLifecycle {
  private readonly lastProgress = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly artifacts: ArtifactStore,
    private readonly log: Logger,
  ) {}

  async started(runId: string): Promise<void> {
    if (await this.store.runs.markRunning(runId, now())) this.log.info({ event: 'training_started', model_run_id: runId });
  }

  async progress(runId: string, fraction: number): Promise<void> {
    const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
    const last = this.lastProgress.get(runId) ?? 0;
    if (percent - last < PROGRESS_STEP && percent < 100) return;
    this.lastProgress.set(runId, percent);
    await this.store.runs.updateProgress(runId, Math.min(percent, 99.9), `Training: ${percent.toFixed(0)}%`);
  }

  async completed(job: TrainingJob, result: WorkerResult): Promise<void> {
    this.lastProgress.delete(job.runId);
    // The thread's `started` message may still be in flight when its result lands.
    await this.started(job.runId);
    const run = await this.store.runs.findById(job.runId);
    if (!run || run.status !== 'running') return;
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
    const recorded = await this.store.runs.complete(job.runId, {
      metrics_json: JSON.stringify(metrics),
      metric_warnings_json: JSON.stringify(result.evaluation.warnings),
      feature_importance_json: JSON.stringify(result.importance),
      training_metadata_json: JSON.stringify(toFiniteJson(trainingMetadata)),
      artifact_path: artifactPath,
      completed_at: now(),
    });
    if (!recorded) {
      await this.artifacts.deleteRun(job.runId);
      return;
    }
    this.log.info({ event: 'training_completed', model_run_id: job.runId, metrics });
  }

  async failed(runId: string, error: string): Promise<void> {
    this.lastProgress.delete(runId);
    if (await this.store.runs.fail(runId, error, now())) {
      this.log.warn({ event: 'training_failed', model_run_id: runId, error });
    }
  }

  /** At start-up: runs a dead process left running can never finish, so they fail with the reason. */
  async recoverInterrupted(): Promise<string[]> {
    const stuck = await this.store.runs.listIdsWithStatus('running');
    for (const runId of stuck) {
      await this.failed(runId, 'Training was interrupted: the process running it stopped before it finished');
    }
    return stuck;
  }
}

function now(): string {
  return new Date().toISOString();
}
