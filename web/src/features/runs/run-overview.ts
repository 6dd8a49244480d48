import type { ApiClient } from '../../lib/api-client.js';
import { ApiError } from '../../lib/api-error.js';
import type { ExperimentBody, RunStatusResponse, RunSummaryBody } from '../../lib/api-types.js';

export interface RunOverview {
  experiment: ExperimentBody;
  status: RunStatusResponse;
  summary: RunSummaryBody;
}

/**
 * What the run page's header needs for a run in any state. The API has no single-run summary
 * route, so this composes three: the status route (which answers 400/403/404 for a bad id), the
 * experiment, and the run's row in the experiment's run list, filtered by its status to stay small.
 */
export async function loadRunOverview(api: ApiClient, experimentId: string, runId: string): Promise<RunOverview> {
  const status = await api.runStatus(runId);
  const [experiment, sameStatus] = await Promise.all([
    api.getExperiment(experimentId),
    api.listRuns(experimentId, { status: status.status, limit: 500, offset: 0 }),
  ]);
  // The run may have moved on between the two calls; then look through every run.
  const summary =
    sameStatus.items.find((run) => run.model_run_id === runId) ?? (await api.listAllRuns(experimentId)).find((run) => run.model_run_id === runId);
  if (!summary) throw new ApiError(404, `Model run with id ${runId} is not part of the experiment '${experiment.name}'`);
  return { experiment, status, summary };
}
