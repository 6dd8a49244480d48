import { parse } from 'csv-parse/sync';
import { DatasetError } from './dataset-error.js';
import type { Column, Table } from './table.js';

/** Cell texts read as "no value". */
export const MISSING_MARKERS: ReadonlySet<string> = new Set(['', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '?']);

// A plain decimal number: sign, digits with an optional fraction, optional exponent. Anything else
// (thousands separators, units, "inf") keeps the column categorical rather than guessing.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses CSV text with a header row into columns; ragged rows and bad headers are DatasetErrors. */
export function parseCsv(text: string): Table {
  const records = readRecords(text);
  if (records.length === 0) throw new DatasetError('The file is empty: expected a header row and at least one data row');
  const header = records[0].map((h) => h.trim());
  checkHeader(header);
  const rows = records.slice(1);
  if (rows.length === 0) throw new DatasetError('The file has a header but no data rows');
  return { nRows: rows.length, columns: header.map((name, c) => buildColumn(name, rows, c)) };
}

function readRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_quotes: false, trim: false }) as string[][];
  } catch (err) {
    const e = err as { code?: string; lines?: number; record?: unknown[]; message?: string };
    if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH') {
      throw new DatasetError(
        `Row at line ${e.lines} has ${e.record?.length ?? '?'} fields; the header has a different number of columns`,
      );
    }
    throw new DatasetError(`The file is not valid CSV: ${e.message ?? String(err)}`);
  }
}

function checkHeader(header: string[]): void {
  const emptyAt = header.findIndex((h) => h === '');
  if (emptyAt >= 0) throw new DatasetError(`Column ${emptyAt + 1} of the header has no name`);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new DatasetError(`Duplicate column name '${name}' in the header`);
    seen.add(name);
  }
}

/** A column is numeric when every present cell is a number; otherwise categorical. */
function buildColumn(name: string, rows: string[][], c: number): Column {
  const numbers = new Float64Array(rows.length);
  let numeric = true;
  for (let r = 0; r < rows.length; r++) {
    const cell = rows[r][c].trim();
    if (MISSING_MARKERS.has(cell)) {
      numbers[r] = NaN;
    } else if (NUMBER.test(cell)) {
      numbers[r] = Number(cell);
      if (!Number.isFinite(numbers[r])) {
        throw new DatasetError(`Column '${name}' has a number too large for a double at line ${r + 2}: ${cell}`);
      }
    } else {
      numeric = false;
      break;
    }
  }
  if (numeric) return { name, dtype: 'numeric', values: numbers };
  const values = rows.map((row) => {
    const cell = row[c].trim();
    return MISSING_MARKERS.has(cell) ? null : cell;
  });
  return { name, dtype: 'categorical', values };
}
