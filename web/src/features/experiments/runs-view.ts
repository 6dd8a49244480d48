import type { RunStatus, RunSummaryBody } from '../../lib/api-types.js';
import { compareMetric, metricInfo } from '../../lib/metrics.js';

/** Newest first (the API's order), or best first by one metric. */
export type RunSort = { by: 'newest' } | { by: 'metric'; metric: string };

interface RunsViewOptions {
  status: RunStatus | 'all';
  sort: RunSort;
  offset: number;
  limit: number;
}

/** The rows the runs table shows: filtered by status, sorted, then one page of them. */
export function viewRuns(runs: readonly RunSummaryBody[], options: RunsViewOptions): { rows: RunSummaryBody[]; total: number } {
  const filtered = options.status === 'all' ? [...runs] : runs.filter((run) => run.status === options.status);
  const { sort } = options;
  if (sort.by === 'metric') {
    const info = metricInfo(sort.metric);
    // Array.prototype.sort is stable, so runs tied on the metric stay newest first.
    filtered.sort((a, b) => compareMetric(info, a.metrics?.[sort.metric], b.metrics?.[sort.metric]));
  }
  return { rows: filtered.slice(options.offset, options.offset + options.limit), total: filtered.length };
}

export function countByStatus(runs: readonly RunSummaryBody[]): Record<RunStatus, number> {
  const counts: Record<RunStatus, number> = { pending: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
  for (const run of runs) counts[run.status] += 1;
  return counts;
}
