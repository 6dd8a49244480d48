import { Link } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { Loaded } from '../../components/ui/states.js';
import { formatBytes, formatDateTime, formatInteger } from '../../lib/format.js';
import { useResource } from '../../lib/use-resource.js';
import { ColumnProfileTable } from './ColumnProfileTable.js';

export function DatasetPage({ datasetId }: { datasetId: string }) {
  const api = useApi();
  const { resource, reload } = useResource(() => api.getDataset(datasetId), [datasetId]);
  const back = (
    <Link className="button" to={{ page: 'datasets' }}>
      All datasets
    </Link>
  );
  return (
    <Loaded resource={resource} onRetry={reload} back={back}>
      {(dataset) => (
        <>
          <PageHeader crumbs={[{ label: 'Datasets', to: { page: 'datasets' } }]} title={dataset.name} subtitle={`Uploaded ${formatDateTime(dataset.created_at)}`} />
          <div className="stats">
            <Stat label="Rows" value={formatInteger(dataset.n_rows)} />
            <Stat label="Columns" value={formatInteger(dataset.n_columns)} />
            <Stat label="Numeric columns" value={formatInteger(dataset.columns.filter((c) => c.dtype === 'numeric').length)} />
            <Stat label="Size" value={formatBytes(dataset.size_bytes)} />
          </div>
          <section className="card card--flush">
            <h2 className="card__title card__title--padded">Column profile</h2>
            <ColumnProfileTable columns={dataset.columns} nRows={dataset.n_rows} />
          </section>
        </>
      )}
    </Loaded>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
    </div>
  );
}
