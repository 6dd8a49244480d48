import { describe, expect, it } from 'vitest';
import { runSummary } from '../../testing/builders.js';
import { countByStatus, viewRuns } from './runs-view.js';

// Newest first, as the API lists them.
const RUNS = [
  runSummary('r5', { status: 'running', progress: 40, completed_at: null }),
  runSummary('r4', { metrics: { accuracy: 0.9 } }),
  runSummary('r3', { status: 'failed' }),
  runSummary('r2', { metrics: { accuracy: 0.95 } }),
  runSummary('r1', { metrics: { accuracy: 0.9 } }),
];
const ids = (result: { rows: Array<{ model_run_id: string }> }) => result.rows.map((r) => r.model_run_id);

describe('runs table view', () => {
  it('filters by status, sorts by a metric (ties stay newest first, unscored last) and pages', () => {
    const all = { status: 'all' as const, offset: 0, limit: 10 };
    expect(ids(viewRuns(RUNS, { ...all, sort: { by: 'newest' } }))).toEqual(['r5', 'r4', 'r3', 'r2', 'r1']);
    expect(ids(viewRuns(RUNS, { ...all, sort: { by: 'metric', metric: 'accuracy' } }))).toEqual(['r2', 'r4', 'r1', 'r5', 'r3']);
    expect(viewRuns(RUNS, { ...all, status: 'completed', sort: { by: 'metric', metric: 'accuracy' }, offset: 1, limit: 1 })).toEqual({
      rows: [RUNS[1]],
      total: 3,
    });
    expect(ids(viewRuns(RUNS, { ...all, status: 'cancelled', sort: { by: 'newest' } }))).toEqual([]);
  });

  it('counts runs per status', () => {
    expect(countByStatus(RUNS)).toEqual({ pending: 0, running: 1, completed: 3, failed: 1, cancelled: 0 });
  });
});
