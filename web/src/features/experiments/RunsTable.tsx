import { useState } from 'react';
import { Link } from '../../app/router.js';
import { Pager } from '../../components/ui/Pager.js';
import { ProgressBar } from '../../components/ui/ProgressBar.js';
import { StatusBadge } from '../../components/ui/StatusBadge.js';
import { EmptyState } from '../../components/ui/states.js';
import { TableScroll } from '../../components/ui/TableScroll.js';
import { RUN_STATUSES, isActive, type RunStatus, type RunSummaryBody } from '../../lib/api-types.js';
import { formatDateTime, formatDuration, formatNumber, modelLabel, secondsBetween, shortId } from '../../lib/format.js';
import { keyMetric, metricInfo, metricNamesOf } from '../../lib/metrics.js';
import { DURATION } from '../../lib/run-timings.js';
import { countByStatus, viewRuns, type RunSort } from './runs-view.js';

const PAGE_SIZE = 20;

interface RunsTableProps {
  experimentId: string;
  runs: RunSummaryBody[];
  selected: string[];
  onSelect: (runIds: string[]) => void;
}

/** An experiment's runs: live status, key metric, duration; filter by status, sort by a metric, page. */
export function RunsTable({ experimentId, runs, selected, onSelect }: RunsTableProps) {
  const [status, setStatus] = useState<RunStatus | 'all'>('all');
  const [sort, setSort] = useState<RunSort>({ by: 'newest' });
  const [offset, setOffset] = useState(0);

  if (runs.length === 0) {
    return (
      <EmptyState
        title="No runs yet"
        action={
          <Link className="button button--primary" to={{ page: 'new-run', experimentId }}>
            Start the first run
          </Link>
        }
      >
        Pick a dataset and a model; the run shows up here with its progress while it trains.
      </EmptyState>
    );
  }

  const counts = countByStatus(runs);
  const metricNames = metricNamesOf(runs.map((run) => run.metrics));
  const { rows, total } = viewRuns(runs, { status, sort, offset, limit: PAGE_SIZE });
  const toggle = (runId: string) =>
    onSelect(selected.includes(runId) ? selected.filter((id) => id !== runId) : [...selected, runId]);

  return (
    <>
      <div className="toolbar">
        <label className="toolbar__control">
          Status
          <select
            name="status-filter"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as RunStatus | 'all');
              setOffset(0);
            }}
          >
            <option value="all">All ({runs.length})</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s} ({counts[s]})
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__control">
          Sort by
          <select
            name="sort"
            value={sort.by === 'newest' ? '' : sort.metric}
            onChange={(e) => {
              setSort(e.target.value === '' ? { by: 'newest' } : { by: 'metric', metric: e.target.value });
              setOffset(0);
            }}
          >
            <option value="">Newest first</option>
            {metricNames.map((name) => {
              const info = metricInfo(name);
              return (
                <option key={name} value={name}>
                  {info.label} ({info.higherIsBetter ? 'highest' : 'lowest'} first)
                </option>
              );
            })}
          </select>
        </label>
        <span className="toolbar__note">{selected.length > 0 ? `${selected.length} selected for comparison` : 'Tick completed runs to compare them'}</span>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={`No ${status} runs`}>Choose another status to see the rest of this experiment’s runs.</EmptyState>
      ) : (
        <TableScroll label="Runs">
          <thead>
            <tr>
              <th className="table__check" aria-label="Select" />
              <th>Model</th>
              <th>Status</th>
              <th className="numeric">{sort.by === 'metric' ? metricInfo(sort.metric).label : 'Key metric'}</th>
              <th className="numeric" title={DURATION.meaning}>
                {DURATION.label}
              </th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((run) => (
              <RunRow key={run.model_run_id} run={run} sort={sort} checked={selected.includes(run.model_run_id)} onToggle={toggle} />
            ))}
          </tbody>
        </TableScroll>
      )}
      <Pager offset={offset} limit={PAGE_SIZE} total={total} onChange={setOffset} />
    </>
  );
}

function RunRow({ run, sort, checked, onToggle }: { run: RunSummaryBody; sort: RunSort; checked: boolean; onToggle: (id: string) => void }) {
  const metric = sort.by === 'metric' ? metricInfo(sort.metric) : keyMetric(run.task_type);
  const value = metric ? run.metrics?.[metric.name] : undefined;
  return (
    <tr data-run-id={run.model_run_id} data-status={run.status}>
      <td className="table__check">
        <input
          type="checkbox"
          aria-label={`Select run ${shortId(run.model_run_id)}`}
          checked={checked}
          disabled={run.status !== 'completed'}
          onChange={() => onToggle(run.model_run_id)}
        />
      </td>
      <td>
        <Link to={{ page: 'run', experimentId: run.experiment_id, runId: run.model_run_id }} className="table__primary">
          {modelLabel(run.model_type)}
        </Link>
        <div className="table__secondary mono">{shortId(run.model_run_id)}</div>
      </td>
      <td className="status-cell">
        <StatusBadge status={run.status} />
        {isActive(run.status) && <ProgressBar percent={run.progress} label={`Run ${shortId(run.model_run_id)} progress`} />}
      </td>
      <td className="numeric">
        {metric && value !== undefined ? (
          <>
            <span className="metric-inline__value">{formatNumber(value)}</span>
            {sort.by === 'newest' && <span className="metric-inline__name">{metric.label}</span>}
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="numeric nowrap">{formatDuration(secondsBetween(run.created_at, run.completed_at))}</td>
      <td className="nowrap">{formatDateTime(run.created_at)}</td>
    </tr>
  );
}
