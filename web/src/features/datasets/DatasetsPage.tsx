import { Link, useNavigation } from '../../app/router.js';
import { useApi } from '../../app/session.js';
import { PagedTable } from '../../components/ui/PagedTable.js';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { formatBytes, formatDateTime, formatInteger } from '../../lib/format.js';
import { UploadDropzone } from './UploadDropzone.js';

export function DatasetsPage() {
  const api = useApi();
  const { navigate } = useNavigation();
  return (
    <>
      <PageHeader title="Datasets" subtitle="Upload CSV files once, train on them in any experiment." />
      <section className="card">
        <UploadDropzone onUploaded={(dataset) => navigate({ page: 'dataset', datasetId: dataset.id })} />
      </section>
      <section className="card card--flush">
        <PagedTable
          label="Datasets"
          load={(page) => api.listDatasets(page)}
          empty={{ title: 'No datasets yet', text: 'Upload a CSV above; you will see a profile of every column.' }}
          head={
            <tr>
              <th>Name</th>
              <th className="numeric">Rows</th>
              <th className="numeric">Columns</th>
              <th className="numeric">Size</th>
              <th>Uploaded</th>
            </tr>
          }
          row={(dataset) => (
            <tr key={dataset.id}>
              <td>
                <Link to={{ page: 'dataset', datasetId: dataset.id }} className="table__primary table__name" title={dataset.name}>
                  {dataset.name}
                </Link>
              </td>
              <td className="numeric">{formatInteger(dataset.n_rows)}</td>
              <td className="numeric">{formatInteger(dataset.n_columns)}</td>
              <td className="numeric">{formatBytes(dataset.size_bytes)}</td>
              <td className="nowrap">{formatDateTime(dataset.created_at)}</td>
            </tr>
          )}
        />
      </section>
    </>
  );
}
