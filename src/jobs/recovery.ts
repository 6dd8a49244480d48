import type { ArtifactStore } from '../artifacts/artifact-store.js';
import type { Store } from '../store/store.js';
import type { RunConfig } from '../training/run-config.js';
import type { RunLifecycle } from './run-lifecycle.js';
import { trainingJob, type TrainingQueue } from './training-queue.js';

const INTERRUPTED_ERROR = 'Training was interrupted: the process running it stopped before it finished';

/**
 * At an API process's start: runs marked running that no queue holds any more (the process that
 * trained them died with its threads, or Redis lost the job) fail with the reason; pending runs no
 * queue holds are queued again, since nothing of theirs had started. Runs a queue still holds, such
 * as those worker processes train, are left alone.
 */
export async function recoverRuns(
  store: Store,
  artifacts: ArtifactStore,
  lifecycle: RunLifecycle,
  queue: TrainingQueue,
): Promise<{ failed: string[]; requeued: string[] }> {
  const failed: string[] = [];
  for (const runId of await store.runs.listIdsWithStatus('running')) {
    if (await queue.holds(runId)) continue;
    await lifecycle.failed(runId, INTERRUPTED_ERROR);
    failed.push(runId);
  }
  const requeued: string[] = [];
  for (const runId of await store.runs.listIdsWithStatus('pending')) {
    const run = await store.runs.findById(runId);
    if (!run || (await queue.holds(runId))) continue;
    queue.submit(trainingJob(runId, run.dataset_id, JSON.parse(run.config_json) as RunConfig, artifacts));
    requeued.push(runId);
  }
  return { failed, requeued };
}
