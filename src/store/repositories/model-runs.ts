import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../database.js';
import type { ModelRunsTable, RunStatus } from '../schema.js';
import { fetchPage, type Page, type PageRequest } from './page.js';

export type ModelRunRow = Selectable<ModelRunsTable>;
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

/** One delivery of a run's job: `id` is written into the run while it owns it. */
export interface RunAttempt {
  id: string;
  /** A redelivery after its worker was lost may take over a run still marked running. */
  takeover: boolean;
}

const ACTIVE: RunStatus[] = ['pending', 'running'];

/**
 * The only SQL about model runs. Every state change is conditional on the state it leaves, and a
 * training's writes on its attempt still owning the run, so a late progress report or result for
 * a run that was deleted, finished or taken over by another delivery changes nothing.
 */
export class ModelRunRepository {
  constructor(private readonly db: Db) {}

  async insert(run: Insertable<ModelRunsTable>): Promise<void> {
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

  /** Marks the run running under `attempt`; false when it is not pending (nor, for a takeover, running). */
  async claim(id: string, attempt: RunAttempt, startedAt: string, message: string): Promise<boolean> {
    const result = await this.db
      .updateTable('model_runs')
      .set({ status: 'running', started_at: startedAt, message, progress: 0, attempt_id: attempt.id })
      .where('id', '=', id)
      .where('status', 'in', attempt.takeover ? ACTIVE : ['pending'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** False when the attempt no longer owns a running run: its training should stop. */
  async updateProgress(id: string, attemptId: string, progress: number, message: string): Promise<boolean> {
    const result = await this.db
      .updateTable('model_runs')
      .set({ progress, message })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Records a result if the attempt still owns the running run: `produce` (which writes the files)
   * runs with the row locked, so a delete or another delivery waits for it or finds it done. False,
   * without calling `produce`, when the run was deleted, finished or taken over meanwhile.
   */
  async completeClaimed(id: string, attemptId: string, produce: () => Promise<RunOutcome>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // An update, not SELECT ... FOR UPDATE, takes the row lock: SQLite has no FOR UPDATE.
      const locked = await trx
        .updateTable('model_runs')
        .set({ message: 'Saving the results' })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('attempt_id', '=', attemptId)
        .executeTakeFirst();
      if (Number(locked.numUpdatedRows) !== 1) return false;
      const outcome = await produce();
      await trx
        .updateTable('model_runs')
        .set({ ...outcome, status: 'completed', progress: 100, message: 'Training completed', error: null })
        .where('id', '=', id)
        .execute();
      return true;
    });
  }

  /**
   * Ends an active run as failed or cancelled. With `attemptId`, only while the run is still pending
   * or that attempt owns it; without, whoever trains it (its worker is gone).
   */
  async fail(
    id: string,
    error: string,
    completedAt: string,
    status: 'failed' | 'cancelled' = 'failed',
    attemptId?: string,
  ): Promise<boolean> {
    let query = this.db
      .updateTable('model_runs')
      .set({ status, error, message: status === 'failed' ? 'Training failed' : 'Training cancelled', completed_at: completedAt })
      .where('id', '=', id);
    query = attemptId
      ? query.where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'running'), eb('attempt_id', '=', attemptId)])]))
      : query.where('status', 'in', ACTIVE);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Puts a run its attempt gave up (worker stopping or lost) back to pending, to be trained again. */
  async release(id: string, attemptId: string, message: string): Promise<boolean> {
    const result = await this.db
      .updateTable('model_runs')
      .set({ status: 'pending', progress: 0, message, started_at: null })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Runs left in `status` by a process that is gone. */
  async listIdsWithStatus(status: RunStatus): Promise<string[]> {
    const rows = await this.db.selectFrom('model_runs').select('id').where('status', '=', status).orderBy('created_at').execute();
    return rows.map((r) => r.id);
  }

  /** Runs still queued or training: what a data set must not be deleted under. */
  async listActive(): Promise<Pick<ModelRunRow, 'id' | 'status' | 'dataset_id' | 'config_json'>[]> {
    return this.db.selectFrom('model_runs').select(['id', 'status', 'dataset_id', 'config_json']).where('status', 'in', ACTIVE).execute();
  }

  /** How many runs of the user's experiments are pending or running. */
  async countActiveForUser(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('model_runs')
      .innerJoin('experiments', 'experiments.id', 'model_runs.experiment_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('experiments.user_id', '=', userId)
      .where('model_runs.status', 'in', ACTIVE)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** False when the record was already gone (a concurrent delete won). */
  async delete(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('model_runs').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    });
  }
}
