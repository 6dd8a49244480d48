import { Link } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { PagedTable } from '../../components/ui/PagedTable.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { formatDateTime } from '../../lib/format.js';
import { CreateExperimentForm } from './CreateExperimentForm.js';
import { RunCount } from './RunCount.js';

export function ExperimentsPage() {
  const api = useApi();
  return (
    <>
      <PageHeader title="Experiments" subtitle="Group the runs you want to compare: one question, many models." />
      <div className="layout-split">
        <section className="card card--flush">
          <PagedTable
            label="Experiments"
            load={(page) => api.listExperiments(page)}
            empty={{ title: 'No experiments yet', text: 'Create one to start training models and compare their runs side by side.' }}
            head={
              <tr>
                <th>Name</th>
                <th>Runs</th>
                <th>Created</th>
              </tr>
            }
            row={(experiment) => (
              <tr key={experiment.id}>
                <td>
                  <Link to={{ page: 'experiment', experimentId: experiment.id }} className="table__primary table__name" title={experiment.name}>
                    {experiment.name}
                  </Link>
                  {experiment.description && <div className="table__secondary">{experiment.description}</div>}
                </td>
                <td>
                  <RunCount experimentId={experiment.id} />
                </td>
                <td className="nowrap">{formatDateTime(experiment.created_at)}</td>
              </tr>
            )}
          />
        </section>
        <aside className="card">
          <h2 className="card__title">New experiment</h2>
          <CreateExperimentForm />
        </aside>
      </div>
    </>
  );
}
