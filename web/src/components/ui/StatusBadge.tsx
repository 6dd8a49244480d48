import type { RunStatus } from '../../lib/api-types.js';

const LABELS: Record<RunStatus, string> = {
  pending: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function StatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {LABELS[status]}
    </span>
  );
}
