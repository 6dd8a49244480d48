import type { InputColumn } from '../ml/index.js';
import type { ModelDocument, ModelInput } from '../artifacts/model-file.js';
import { CellKind, cellBoolean, cellCategory, cellDatetime, cellNumber, classifyCell, type Cell } from '../datasets/cell-values.js';
import { openRows } from '../datasets/open-rows.js';

/** The most records one predict call takes. */
export const MAX_PREDICT_RECORDS = 10_000;

/** A prediction request the model cannot read; the message names the record and column. */
export class PredictInputError extends Error {
  override name = 'PredictInputError';
}

/** A request's rows as the model's input columns, and how messages name each row. */
export interface PredictInputs {
  columns: InputColumn[];
  /** "Record 3" for JSON, "Line 4" for CSV. */
  where: (row: number) => string;
}

interface Cells {
  /** Per model input, its cell in every record. */
  columns: Cell[][];
  /** How messages name record i ("record 3", "line 4"). */
  where: (i: number) => string;
  decimalComma: boolean;
}

/**
 * JSON records to the model's input columns. Every feature must be a key of every record (a key
 * left out is more likely a typo than a missing value); `null` or a missing marker is missing.
 */
export function inputsFromRecords(records: Record<string, unknown>[], document: ModelDocument): PredictInputs {
  const columns = document.inputs.map(({ name }) =>
    records.map((record, i) => {
      if (!Object.prototype.hasOwnProperty.call(record, name)) {
        throw new PredictInputError(`Record ${i + 1} has no '${name}': every feature column must be given (null for a missing value)`);
      }
      const value = record[name];
      if (value !== null && typeof value === 'object') {
        throw new PredictInputError(`Record ${i + 1}: '${name}' must be a single value, not ${Array.isArray(value) ? 'an array' : 'an object'}`);
      }
      return typeof value === 'string' ? value.trim() : (value as Cell);
    }),
  );
  return toInputs(document, { columns, where: (i) => `Record ${i + 1}`, decimalComma: false });
}

/** A CSV body (header row first) to the model's input columns; its dialect is detected as for uploads. */
export async function inputsFromCsv(body: Buffer, document: ModelDocument): Promise<PredictInputs> {
  const { rows, dialect } = await openRows([body], { format: 'csv' });
  const index = document.inputs.map(({ name }) => {
    const at = rows.header.indexOf(name);
    if (at < 0) throw new PredictInputError(`The CSV has no column '${name}': every feature column must be given`);
    return at;
  });
  const columns: Cell[][] = index.map(() => []);
  const lines: number[] = [];
  for await (const row of rows.rows) {
    if (lines.length === MAX_PREDICT_RECORDS) throw new PredictInputError(`The CSV has more than ${MAX_PREDICT_RECORDS} rows; send at most ${MAX_PREDICT_RECORDS} per call`);
    index.forEach((at, k) => columns[k].push(row.cells[at]));
    lines.push(row.position);
  }
  if (lines.length === 0) throw new PredictInputError('The CSV has a header but no rows to predict');
  return toInputs(document, { columns, where: (i) => `Line ${lines[i]}`, decimalComma: dialect.decimalComma });
}

function toInputs(document: ModelDocument, cells: Cells): PredictInputs {
  const markers = new Set(document.missing_markers);
  return { columns: document.inputs.map((input, k) => toInput(input, cells.columns[k], markers, cells)), where: cells.where };
}

function toInput(input: ModelInput, cells: Cell[], markers: ReadonlySet<string>, { where, decimalComma }: Cells): InputColumn {
  if (input.dtype === 'categorical') {
    const categories: string[] = [];
    const index = new Map<string, number>();
    const codes = Int32Array.from(cells, (cell) => {
      const category = cellCategory(cell, markers);
      if (category === null) return -1;
      if (!index.has(category)) index.set(category, categories.push(category) - 1);
      return index.get(category)!;
    });
    return { kind: 'categorical', codes, categories };
  }
  const read = reader(input, markers, decimalComma);
  const values = Float64Array.from(cells, (cell, i) => {
    const value = read(cell);
    // Infinite numbers are missing, as they are in an upload: never a value for the model.
    if (Number.isNaN(value) && !isMissingOrInfinite(classifyCell(cell, markers))) {
      throw new PredictInputError(`${where(i)}: '${input.name}' must be ${expected(input)}, got ${JSON.stringify(cell)}`);
    }
    return value;
  });
  return { kind: input.dtype === 'datetime' ? 'datetime' : 'numeric', values };
}

function reader(input: ModelInput, markers: ReadonlySet<string>, decimalComma: boolean): (cell: Cell) => number {
  if (input.dtype === 'boolean') return (cell) => (cell === 0 || cell === 1 ? cell : cellBoolean(cell, markers));
  if (input.dtype === 'datetime') return (cell) => cellDatetime(cell, markers);
  return (cell) => cellNumber(cell, markers, decimalComma);
}

function expected(input: ModelInput): string {
  if (input.dtype === 'boolean') return 'true or false';
  if (input.dtype === 'datetime') return 'a date or datetime like 2024-05-31 or 2024-05-31T14:00:00Z';
  return 'a number';
}

function isMissingOrInfinite(kind: CellKind): boolean {
  return kind === CellKind.Missing || kind === CellKind.NonFinite;
}
