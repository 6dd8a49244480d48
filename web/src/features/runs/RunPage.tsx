import { Link } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { ProgressBar } from '../../components/ui/ProgressBar.js';
import { StatusBadge } from '../../components/ui/StatusBadge.js';
import { Loaded } from '../../components/ui/states.js';
import { isActive } from '../../lib/api-types.js';
import { formatDateTime, formatDuration, modelLabel, secondsBetween, shortId } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';
import { CompletedRun } from './CompletedRun.js';
import { DeleteRunButton } from './DeleteRunButton.js';
import { loadRunOverview } from './run-overview.js';

/** How often the page asks for progress while the run is queued or training. */
const PROGRESS_REFRESH_MS = 1000;

export function RunPage({ experimentId, runId }: { experimentId: string; runId: string }) {
  const api = useApi();
  const { resource, reload } = useResource(() => loadRunOverview(api, experimentId, runId), [experimentId, runId], {
    refreshAfter: ({ status }) => (isActive(status.status) ? PROGRESS_REFRESH_MS : null),
  });
  const back = (
    <Link className="button" to={{ page: 'experiment', experimentId }}>
      Back to the experiment
    </Link>
  );
  return (
    <Loaded resource={resource} onRetry={reload} back={back} loadingLabel="Loading run…">
      {({ experiment, status, summary }) => (
        <>
          <PageHeader
            crumbs={[
              { label: 'Experiments', to: { page: 'experiments' } },
              { label: experiment.name, to: { page: 'experiment', experimentId } },
            ]}
            title={modelLabel(summary.model_type)}
            subtitle={
              <div className="run-meta">
                <StatusBadge status={status.status} />
                <span className="mono">{shortId(runId)}</span>
                <span>{summary.task_type}</span>
                <span>Created {formatDateTime(status.created_at)}</span>
              </div>
            }
            actions={<DeleteRunButton runId={runId} experimentId={experimentId} active={isActive(status.status)} />}
          />
          {isActive(status.status) && (
            <section className="card run-progress">
              <div className="run-progress__line">
                <strong>{status.status === 'pending' ? 'Waiting for a free worker' : 'Training'}</strong>
                <span className="muted">
                  {Math.round(status.progress)}% · {formatDuration(secondsBetween(status.created_at, null))} so far
                </span>
              </div>
              <ProgressBar percent={status.progress} label="Training progress" />
            </section>
          )}
          {status.status === 'failed' && (
            <div className="alert alert--error" role="alert">
              <strong>Training failed</strong>
              <span className="alert__detail">{status.error ?? status.message ?? 'The run stopped without a reason.'}</span>
            </div>
          )}
          {status.status === 'cancelled' && (
            <div className="alert alert--info">
              <strong>This run was cancelled</strong>
              <span className="alert__detail">{status.message ?? 'It stopped before finishing, so it has no metrics.'}</span>
            </div>
          )}
          {status.status === 'completed' && <CompletedRun runId={runId} durationSeconds={secondsBetween(status.created_at, status.completed_at)} />}
        </>
      )}
    </Loaded>
  );
}
