import { Link } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { EmptyState, Loaded } from '../../components/ui/states.js';
import { useResource } from '../../lib/use-resource.js';
import { RunForm } from './RunForm.js';

export function NewRunPage({ experimentId }: { experimentId: string }) {
  const api = useApi();
  const { resource, reload } = useResource(
    async () => {
      const [experiment, datasets, catalogue] = await Promise.all([api.getExperiment(experimentId), api.listAllDatasets(), api.catalogue()]);
      return { experiment, datasets, models: catalogue.items };
    },
    [experimentId],
  );
  return (
    <Loaded resource={resource} onRetry={reload} back={<Link className="button" to={{ page: 'experiments' }}>All experiments</Link>}>
      {({ experiment, datasets, models }) => (
        <>
          <PageHeader
            crumbs={[
              { label: 'Experiments', to: { page: 'experiments' } },
              { label: experiment.name, to: { page: 'experiment', experimentId } },
            ]}
            title="New run"
            subtitle="Pick the data and a model; every setting starts at the model’s default."
          />
          {datasets.length === 0 ? (
            <section className="card">
              <EmptyState
                title="Upload a dataset first"
                action={
                  <Link className="button button--primary" to={{ page: 'datasets' }}>
                    Go to datasets
                  </Link>
                }
              >
                A run trains on one of your datasets, and you have none yet.
              </EmptyState>
            </section>
          ) : (
            <RunForm experimentId={experimentId} datasets={datasets} models={models} />
          )}
        </>
      )}
    </Loaded>
  );
}
