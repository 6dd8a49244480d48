import { useState } from 'react';
import { Link } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { Loaded } from '../../components/ui/states.js';
import { isActive } from '../../lib/api-types.js';
import { formatDateTime } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';
import { RunsTable } from './RunsTable.js';

/** How often a table with queued or running runs asks for fresh progress. */
const LIVE_REFRESH_MS = 1500;

export function ExperimentPage({ experimentId }: { experimentId: string }) {
  const api = useApi();
  const experiment = useResource(() => api.getExperiment(experimentId), [experimentId]);
  const runs = useResource(() => api.listAllRuns(experimentId), [experimentId], {
    refreshAfter: (all) => (all.some((run) => isActive(run.status)) ? LIVE_REFRESH_MS : null),
  });
  const [selected, setSelected] = useState<string[]>([]);
  const back = (
    <Link className="button" to={{ page: 'experiments' }}>
      All experiments
    </Link>
  );

  return (
    <Loaded resource={experiment.resource} onRetry={experiment.reload} back={back}>
      {(exp) => (
        <>
          <PageHeader
            crumbs={[{ label: 'Experiments', to: { page: 'experiments' } }]}
            title={exp.name}
            subtitle={
              <>
                {exp.description && <p>{exp.description}</p>}
                <span className="muted">Created {formatDateTime(exp.created_at)}</span>
              </>
            }
            actions={
              <>
                {selected.length >= 2 ? (
                  <Link className="button" to={{ page: 'compare', experimentId, runIds: selected }}>
                    Compare {selected.length} runs
                  </Link>
                ) : (
                  <button type="button" className="button" disabled title="Tick two or more completed runs to compare them">
                    Compare runs
                  </button>
                )}
                <Link className="button button--primary" to={{ page: 'new-run', experimentId }}>
                  New run
                </Link>
              </>
            }
          />
          <section className="card card--flush">
            <Loaded resource={runs.resource} onRetry={runs.reload} loadingLabel="Loading runs…">
              {(all) => <RunsTable experimentId={experimentId} runs={all} selected={selected} onSelect={setSelected} />}
            </Loaded>
          </section>
        </>
      )}
    </Loaded>
  );
}
