import type { Db } from '../database.js';
import type { ModelRunsTable, RunStatus } from '../schema.js';
import { fetchPage, type Page, type PageRequest } from './page.js';

export type ModelRunRow = ModelRunsTable;
export type RunWithOwner = ModelRunRow & { owner_id: string };

/** What a finished run stores; every value already JSON text. */
export interface RunOutcome {
  metrics_json: string;
  metric_warnings_json: string;
  feature_importance_json: string;
  training_metadata_json: string;
  artifact_path: string;
  completed_at: string;
}

const ACTIVE: RunStatus[] = ['pending', 'running'];

/**
 * The only SQL about model runs. Every state change is conditional on the state it leaves, so a
 * late progress report or result for a run that was deleted or already finished changes nothing.
 */
export class ModelRunRepository {
  constructor(private readonly db: Db) {}

  async insert(run: ModelRunRow): Promise<void> {
    await this.db.insertInto('model_runs').values(run).execute();
  }

  /** The run with the id of the user owning it through its experiment. */
  async findWithOwner(id: string): Promise<RunWithOwner | undefined> {
    return this.db
      .selectFrom('model_runs')
      .innerJoin('experiments', 'experiments.id', 'model_runs.experiment_id')
      .selectAll('model_runs')
      .select('experiments.user_id as owner_id')
      .where('model_runs.id', '=', id)
      .executeTakeFirst();
  }

  async findById(id: string): Promise<ModelRunRow | undefined> {
    return this.db.selectFrom('model_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listByExperiment(
    experimentId: string,
    status: RunStatus | undefined,
    page: PageRequest,
  ): Promise<Page<ModelRunRow>> {
    let base = this.db.selectFrom('model_runs').where('experiment_id', '=', experimentId);
    if (status) base = base.where('status', '=', status);
    return fetchPage<ModelRunRow>(base, page);
  }

  async markRunning(id: string, startedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('model_runs')
      .set({ status: 'running', started_at: startedAt, message: 'Training started', progress: 0 })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async updateProgress(id: string, progress: number, message: string): Promise<void> {
    await this.db
      .updateTable('model_runs')
      .set({ progress, message })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /** Records a result; false when the run is no longer running (deleted or failed meanwhile). */
  async complete(id: string, outcome: RunOutcome): Promise<boolean> {
    const result = await this.db
      .updateTable('model_runs')
      .set({ ...outcome, status: 'completed', progress: 100, message: 'Training completed', error: null })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async fail(id: string, error: string, completedAt: string, status: 'failed' | 'cancelled' = 'failed'): Promise<boolean> {
    const result = await this.db
      .updateTable('model_runs')
      .set({ status, error, message: status === 'failed' ? 'Training failed' : 'Training cancelled', completed_at: completedAt })
      .where('id', '=', id)
      .where('status', 'in', ACTIVE)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Runs left in `status` by a process that is gone. */
  async listIdsWithStatus(status: RunStatus): Promise<string[]> {
    const rows = await this.db.selectFrom('model_runs').select('id').where('status', '=', status).orderBy('created_at').execute();
    return rows.map((r) => r.id);
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('model_runs').where('id', '=', id).executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) throw new Error('the record was already gone');
    });
  }
}
