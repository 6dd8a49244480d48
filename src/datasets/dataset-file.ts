import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { PREFIX_BYTES, decodeHeader, decodeTable, encodeTable, headerLength } from './columnar-file.js';
import type { Dialect } from './open-rows.js';
import { cellValue, type Table } from './table.js';

/** Rows kept for the preview: the most `GET /datasets/{id}/preview` may ask for. */
export const MAX_PREVIEW_ROWS = 100;

export type PreviewRow = Record<string, number | boolean | string | null>;

/** How an upload was read, as the API reports it. */
export interface DatasetSource {
  format: Dialect['format'];
  encoding: 'utf-8';
  bom: boolean;
  delimiter: string | null;
  decimal_separator: '.' | ',';
  missing_markers: string[];
}

/** What is stored beside the columns: how the upload was read, and its first rows as JSON shows them. */
export interface DatasetExtra {
  source: DatasetSource;
  preview: PreviewRow[];
}

export function describeSource(dialect: Dialect, missingMarkers: string[]): DatasetSource {
  return {
    format: dialect.format,
    encoding: dialect.encoding,
    bom: dialect.bom,
    delimiter: dialect.delimiter,
    decimal_separator: dialect.decimalComma ? ',' : '.',
    missing_markers: missingMarkers,
  };
}

export function datasetFileChunks(table: Table, source: DatasetSource): Buffer[] {
  const extra: DatasetExtra = { source, preview: previewRows(table, MAX_PREVIEW_ROWS) };
  return encodeTable(table, extra);
}

function previewRows(table: Table, limit: number): PreviewRow[] {
  const rows: PreviewRow[] = [];
  for (let r = 0; r < Math.min(limit, table.nRows); r++) {
    rows.push(Object.fromEntries(table.columns.map((column) => [column.name, cellValue(column, r)])));
  }
  return rows;
}

/** The whole stored data set; a training thread's way in (synchronous: the thread has nothing else to do). */
export function readDatasetFile(path: string): { table: Table; missingMarkers: string[] } {
  const { table, extra } = decodeTable<DatasetExtra>(readFileSync(path));
  return { table, missingMarkers: extra.source.missing_markers };
}

/** Only what is stored beside the columns, without reading the columns. */
export async function readDatasetExtra(path: string): Promise<DatasetExtra> {
  const file = await open(path, 'r');
  try {
    const prefix = Buffer.alloc(PREFIX_BYTES);
    await file.read(prefix, 0, PREFIX_BYTES, 0);
    const header = Buffer.alloc(headerLength(prefix));
    await file.read(header, 0, header.length, PREFIX_BYTES);
    return decodeHeader<DatasetExtra>(header).extra;
  } finally {
    await file.close();
  }
}
