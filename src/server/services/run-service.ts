import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ArtifactStore } from '../../artifacts/artifact-store.js';
import { trainingJob, type TrainingQueue } from '../../jobs/training-queue.js';
import type { RunWithOwner } from '../../store/repositories/model-runs.js';
import type { PageRequest } from '../../store/repositories/page.js';
import type { RunStatus } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import { FORBIDDEN_RUN_ACCESS, FORBIDDEN_RUN_DELETE, apiErrors } from '../errors.js';
import type { DatasetService } from './dataset-service.js';
import type { ExperimentService } from './experiment-service.js';
import { nowIso, requireUuid } from './ids.js';
import { parseJson, runFeatureImportance, runMetrics, runResult, runStatus, runSummary } from './run-views.js';
import { buildRunConfig, requireModelSpec, type TrainRequest } from './train-request.js';

/** Model runs: start, watch, read back, delete. */
export class RunService {
  constructor(
    private readonly store: Store,
    private readonly artifacts: ArtifactStore,
    private readonly queue: TrainingQueue,
    private readonly experiments: ExperimentService,
    private readonly datasets: DatasetService,
    private readonly maxActiveRunsPerUser: number,
  ) {}

  async start(userId: string, request: TrainRequest) {
    const spec = requireModelSpec(request.model_type);
    const experiment = await this.experiments.getOwned(userId, request.experiment_id);
    const dataset = await this.datasets.getOwned(userId, request.dataset_id);
    const testDataset = request.test_dataset_id ? await this.datasets.getOwned(userId, request.test_dataset_id, 'test_dataset_id') : null;
    const config = buildRunConfig(request, spec, dataset, testDataset);
    if ((await this.store.runs.countActiveForUser(userId)) >= this.maxActiveRunsPerUser) {
      throw apiErrors.tooManyActiveRuns(this.maxActiveRunsPerUser);
    }
    const run = {
      id: randomUUID(),
      experiment_id: experiment.id,
      dataset_id: dataset.id,
      model_type: spec.modelType,
      task_type: spec.taskType,
      status: 'pending' as const,
      progress: 0,
      message: 'Queued for training',
      error: null,
      task_id: randomUUID(),
      config_json: JSON.stringify(config),
      metrics_json: null,
      metric_warnings_json: null,
      feature_importance_json: null,
      training_metadata_json: null,
      artifact_path: null,
      created_at: nowIso(),
      started_at: null,
      completed_at: null,
    };
    await this.store.runs.insert(run);
    this.queue.submit(trainingJob(run.id, dataset.id, config, this.artifacts));
    return {
      model_run_id: run.id,
      task_id: run.task_id,
      experiment_id: run.experiment_id,
      model_type: run.model_type,
      task_type: run.task_type,
      status: run.status,
      created_at: run.created_at,
    };
  }

  async listRuns(userId: string, experimentId: string, status: RunStatus | undefined, page: PageRequest) {
    const experiment = await this.experiments.getOwned(userId, experimentId);
    const result = await this.store.runs.listByExperiment(experiment.id, status, page);
    return { ...result, items: result.items.map(runSummary) };
  }

  async status(userId: string, rawId: string) {
    return runStatus(await this.findOwned(userId, rawId, FORBIDDEN_RUN_ACCESS));
  }

  async result(userId: string, rawId: string) {
    return runResult(await this.findCompleted(userId, rawId));
  }

  async metrics(userId: string, rawId: string) {
    const run = await this.findCompleted(userId, rawId);
    const metrics = parseJson<Record<string, number | null>>(run.metrics_json);
    if (!metrics || Object.keys(metrics).length === 0) throw apiErrors.noMetrics();
    return runMetrics(run, metrics);
  }

  async featureImportance(userId: string, rawId: string, topN: number, detail: 'input' | 'encoded') {
    return runFeatureImportance(await this.findCompleted(userId, rawId), topN, detail);
  }

  /** The spec's deletion: revoke a live task, remove the files (best effort), then the record (or 500). */
  async delete(userId: string, rawId: string, log: FastifyBaseLogger) {
    const run = await this.findOwned(userId, rawId, FORBIDDEN_RUN_DELETE);
    log.info({ event: 'model_run_delete_start', model_run_id: run.id, user_id: userId, status: run.status });
    const taskRevoked = await this.revoke(run, log);
    const artifactDeleted = await this.deleteArtifacts(run.id, log);
    let deleted: boolean;
    try {
      deleted = await this.store.runs.delete(run.id);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log.error({ event: 'database_delete_failed', model_run_id: run.id, error: reason });
      throw apiErrors.deleteFailed(reason);
    }
    // A concurrent delete of the same run got there first: for this caller it is simply gone.
    if (!deleted) throw apiErrors.notFound('Model run', run.id);
    log.info({ event: 'model_run_deleted', model_run_id: run.id, user_id: userId });
    return {
      message: 'Model run deleted successfully',
      deletion_summary: {
        model_run_id: run.id,
        model_type: run.model_type,
        status: run.status,
        task_revoked: taskRevoked,
        artifact_deleted: artifactDeleted,
        database_record_deleted: true,
      },
      timestamp: nowIso(),
    };
  }

  private async revoke(run: RunWithOwner, log: FastifyBaseLogger): Promise<boolean> {
    if (run.status !== 'pending' && run.status !== 'running') return false;
    try {
      const revoked = await this.queue.cancel(run.id);
      if (revoked) log.info({ event: 'task_revoked', model_run_id: run.id, task_id: run.task_id });
      else log.warn({ event: 'task_revoke_failed', model_run_id: run.id, reason: 'no live task for this run' });
      return revoked;
    } catch (err) {
      log.warn({ event: 'task_revoke_failed', model_run_id: run.id, error: (err as Error).message });
      return false;
    }
  }

  private async deleteArtifacts(runId: string, log: FastifyBaseLogger): Promise<boolean> {
    try {
      const result = await this.artifacts.deleteRun(runId);
      for (const { file, error } of result.failed) log.error({ event: 'artifact_delete_failed', model_run_id: runId, file, error });
      if (result.deleted.length > 0) log.info({ event: 'artifact_deleted', model_run_id: runId, files: result.deleted });
      if (result.deleted.length === 0 && result.failed.length === 0) {
        log.warn({ event: 'artifact_not_found', model_run_id: runId });
      }
      return result.deleted.length > 0 && result.failed.length === 0;
    } catch (err) {
      log.error({ event: 'artifact_delete_failed', model_run_id: runId, error: (err as Error).message });
      return false;
    }
  }

  private async findOwned(userId: string, rawId: string, forbidden: string): Promise<RunWithOwner> {
    const id = requireUuid('model_run_id', rawId);
    const run = await this.store.runs.findWithOwner(id);
    if (!run) throw apiErrors.notFound('Model run', id);
    if (run.owner_id !== userId) throw apiErrors.forbidden(forbidden);
    return run;
  }

  async findCompleted(userId: string, rawId: string): Promise<RunWithOwner> {
    const run = await this.findOwned(userId, rawId, FORBIDDEN_RUN_ACCESS);
    if (run.status !== 'completed') throw apiErrors.runNotCompleted(run.status);
    return run;
  }
}
