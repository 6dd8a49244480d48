import type { ArtifactStore } from '../artifacts/artifact-store.js';
import type { Store } from '../store/store.js';
import type { RunConfig } from '../training/run-config.js';
import type { RunLifecycle } from './run-lifecycle.js';
import type { TrainingQueue } from './training-queue.js';

/**
 * After a restart: runs that were training when the process died fail with the reason (their work is
 * lost); runs that were still waiting are queued again, since nothing of theirs had started.
 */
export async function recoverRuns(
  store: Store,
  artifacts: ArtifactStore,
  lifecycle: RunLifecycle,
  queue: TrainingQueue,
): Promise<{ failed: string[]; requeued: string[] }> {
  const failed = await lifecycle.recoverInterrupted();
  const requeued = await store.runs.listIdsWithStatus('pending');
  for (const runId of requeued) {
    const run = await store.runs.findById(runId);
    if (!run) continue;
    queue.submit({ runId, datasetPath: artifacts.datasetPath(run.dataset_id), config: JSON.parse(run.config_json) as RunConfig });
  }
  return { failed, requeued };
}
