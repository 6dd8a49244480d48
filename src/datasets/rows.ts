import type { Cell } from './cell-values.js';
import { DatasetError } from './dataset-error.js';

/** One data row: its cells in header order, and where it is in the file (a line or a record number). */
export interface Row {
  cells: Cell[];
  position: number;
}

/** A file read as a header and rows, whatever its format. */
export interface RowSource {
  header: string[];
  /** What `Row.position` counts, for messages: "line 7" or "record 7". */
  positionUnit: 'line' | 'record';
  rows: AsyncIterable<Row>;
}

/** Largest record accepted (1 MiB of ASCII): memory must stay bounded, and past it a quote was most likely left open. */
export const MAX_RECORD_CHARS = 1 << 20;

/** `what` ("Line 7", "Record 3") is past MAX_RECORD_CHARS. */
export function recordTooLong(what: string): DatasetError {
  return new DatasetError(`${what} is longer than ${MAX_RECORD_CHARS} characters (1 MiB), the most one record may hold`);
}

/** Column names must be present and distinct: a model's inputs are addressed by name. */
export function checkColumnNames(names: string[], what: string): void {
  const emptyAt = names.findIndex((h) => h === '');
  if (emptyAt >= 0) throw new DatasetError(`Column ${emptyAt + 1} of the ${what} has no name`);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new DatasetError(`Duplicate column name '${name}' in the ${what}`);
    seen.add(name);
  }
}
