import { useApi } from '../../app/session.js';
import { formatInteger } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';

/** "4 runs" for one row of the experiments list, from the runs endpoint's total. */
export function RunCount({ experimentId }: { experimentId: string }) {
  const api = useApi();
  const { resource } = useResource(() => api.listRuns(experimentId, { limit: 1, offset: 0 }), [experimentId]);
  if (resource.status !== 'ready') return <span className="muted">…</span>;
  const total = resource.data.total;
  return <span>{total === 0 ? <span className="muted">none yet</span> : `${formatInteger(total)} run${total === 1 ? '' : 's'}`}</span>;
}
