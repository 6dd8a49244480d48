import { randomUUID } from 'node:crypto';
import type { ArtifactStore } from '../../artifacts/artifact-store.js';
import { parseCsv } from '../../datasets/parse-csv.js';
import { profileTable, type ColumnProfile } from '../../datasets/profile.js';
import type { PageRequest } from '../../store/repositories/page.js';
import type { DatasetsTable } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import { apiErrors } from '../errors.js';
import { nowIso, requireUuid } from './ids.js';

export interface DatasetView {
  id: string;
  name: string;
  n_rows: number;
  n_columns: number;
  columns: ColumnProfile[];
  size_bytes: number;
  created_at: string;
}

export class DatasetService {
  constructor(
    private readonly store: Store,
    private readonly artifacts: ArtifactStore,
  ) {}

  /** Parses and profiles the upload, keeps the file, records the data set. Nothing is stored if parsing fails. */
  async upload(userId: string, name: string, content: Buffer): Promise<DatasetView> {
    const table = parseCsv(content.toString('utf8'));
    const columns = profileTable(table);
    const dataset: DatasetsTable = {
      id: randomUUID(),
      user_id: userId,
      name,
      n_rows: table.nRows,
      n_columns: table.columns.length,
      columns_json: JSON.stringify(columns),
      size_bytes: content.length,
      created_at: nowIso(),
    };
    await this.artifacts.saveDataset(dataset.id, content);
    await this.store.datasets.insert(dataset);
    return toView(dataset);
  }

  async list(userId: string, page: PageRequest) {
    const result = await this.store.datasets.listByUser(userId, page);
    return { ...result, items: result.items.map(toView) };
  }

  async getOwned(userId: string, rawId: string): Promise<DatasetView> {
    const id = requireUuid('dataset_id', rawId);
    const dataset = await this.store.datasets.findById(id);
    if (!dataset) throw apiErrors.notFound('Dataset', id);
    if (dataset.user_id !== userId) throw apiErrors.forbidden("You don't have permission to access this dataset");
    return toView(dataset);
  }
}

function toView(row: DatasetsTable): DatasetView {
  return {
    id: row.id,
    name: row.name,
    n_rows: row.n_rows,
    n_columns: row.n_columns,
    columns: JSON.parse(row.columns_json) as ColumnProfile[],
    size_bytes: Number(row.size_bytes),
    created_at: row.created_at,
  };
}
