import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { ArtifactStore } from '../../artifacts/artifact-store.js';
import { datasetFileChunks, describeSource, readDatasetExtra, type DatasetExtra, type DatasetSource } from '../../datasets/dataset-file.js';
import { inferSchema, readTable, type IngestOptions } from '../../datasets/ingest.js';
import { profileTable, type ColumnProfile } from '../../datasets/profile.js';
import { spoolTo } from '../../datasets/upload-spool.js';
import type { PageRequest } from '../../store/repositories/page.js';
import type { DatasetsTable } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import type { RunConfig } from '../../training/run-config.js';
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

export interface Upload {
  bytes: AsyncIterable<Uint8Array>;
  options: IngestOptions;
  maxBytes: number;
}

const FORBIDDEN_DATASET_ACCESS = "You don't have permission to access this dataset";
const FORBIDDEN_DATASET_DELETE = "You don't have permission to delete this dataset";

export class DatasetService {
  constructor(
    private readonly store: Store,
    private readonly artifacts: ArtifactStore,
  ) {}

  /**
   * Reads the upload as it arrives (spooling it to disk), reads it again from disk into columns,
   * profiles them and stores the columns. Nothing is kept when any step fails.
   */
  async upload(userId: string, name: string, upload: Upload): Promise<DatasetView & { source: DatasetSource }> {
    const id = randomUUID();
    const spoolPath = await this.artifacts.datasetUploadPath(id);
    const received = { bytes: 0 };
    try {
      const spool = await open(spoolPath, 'w');
      let schema;
      try {
        schema = await inferSchema(spoolTo(upload.bytes, spool, upload.maxBytes, received), upload.options);
      } finally {
        await spool.close();
      }
      const table = await readTable(createReadStream(spoolPath), schema);
      const dataset: DatasetsTable = {
        id,
        user_id: userId,
        name,
        n_rows: table.nRows,
        n_columns: table.columns.length,
        columns_json: JSON.stringify(profileTable(table, schema.columns)),
        size_bytes: received.bytes,
        created_at: nowIso(),
      };
      const source = describeSource(schema.dialect, schema.missingMarkers);
      await this.artifacts.saveDataset(id, datasetFileChunks(table, source));
      await this.insertOrRemoveFile(dataset);
      return { ...toView(dataset), source };
    } finally {
      await rm(spoolPath, { force: true });
    }
  }

  async list(userId: string, page: PageRequest) {
    const result = await this.store.datasets.listByUser(userId, page);
    return { ...result, items: result.items.map(toView) };
  }

  async getOwned(userId: string, rawId: string, field = 'dataset_id', forbidden = FORBIDDEN_DATASET_ACCESS): Promise<DatasetView> {
    const id = requireUuid(field, rawId);
    const dataset = await this.store.datasets.findById(id);
    if (!dataset) throw apiErrors.notFound('Dataset', id);
    if (dataset.user_id !== userId) throw apiErrors.forbidden(forbidden);
    return toView(dataset);
  }

  /** The data set's profile, with how its file was read: what the upload answered. */
  async describe(userId: string, rawId: string): Promise<DatasetView & { source: DatasetSource }> {
    const dataset = await this.getOwned(userId, rawId);
    return { ...dataset, source: (await this.readExtra(dataset.id)).source };
  }

  /** The first rows as JSON shows them (stored at upload), with how the file was read. */
  async preview(userId: string, rawId: string, limit: number) {
    const dataset = await this.getOwned(userId, rawId);
    const extra = await this.readExtra(dataset.id);
    return {
      dataset_id: dataset.id,
      columns: dataset.columns.map((c) => c.name),
      rows: extra.preview.slice(0, limit),
      n_rows: dataset.n_rows,
      source: extra.source,
    };
  }

  /** Deletes the record, then the file; refused while a run is queued or training on the data set. */
  async delete(userId: string, rawId: string, log: FastifyBaseLogger) {
    const dataset = await this.getOwned(userId, rawId, 'dataset_id', FORBIDDEN_DATASET_DELETE);
    const users = (await this.store.runs.listActive()).filter(
      (run) => run.dataset_id === dataset.id || (JSON.parse(run.config_json) as RunConfig).testDatasetId === dataset.id,
    );
    if (users.length > 0) {
      const list = users.map((run) => `${run.id} (${run.status})`).join(', ');
      throw apiErrors.conflict(`Dataset ${dataset.id} is in use by runs still queued or training: ${list}; wait for them to finish or delete them first`);
    }
    await this.store.datasets.delete(dataset.id);
    let fileDeleted = false;
    try {
      fileDeleted = await this.artifacts.deleteDataset(dataset.id);
    } catch (err) {
      // The record is gone, so the data set is; a file left behind is only disk space.
      log.error({ event: 'dataset_file_delete_failed', dataset_id: dataset.id, error: (err as Error).message });
    }
    log.info({ event: 'dataset_deleted', dataset_id: dataset.id, user_id: userId, file_deleted: fileDeleted });
    return { message: 'Dataset deleted successfully', dataset_id: dataset.id, file_deleted: fileDeleted };
  }

  private async readExtra(datasetId: string): Promise<DatasetExtra> {
    try {
      return await readDatasetExtra(this.artifacts.datasetPath(datasetId));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw apiErrors.notFound('Stored file of dataset', datasetId);
      throw err;
    }
  }

  private async insertOrRemoveFile(dataset: DatasetsTable): Promise<void> {
    try {
      await this.store.datasets.insert(dataset);
    } catch (err) {
      await this.artifacts.deleteDataset(dataset.id);
      throw err;
    }
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
