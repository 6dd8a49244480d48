import { DEFAULT_MISSING_MARKERS, cellBoolean, cellCategory, cellDatetime, knownNumber, type Cell } from './cell-values.js';
import { ColumnInference, type ColumnPlan } from './column-inference.js';
import { DatasetError } from './dataset-error.js';
import { openRows, type Dialect, type ReadOptions } from './open-rows.js';
import type { Column, Table } from './table.js';
import type { ByteSource } from './text-source.js';

export interface IngestOptions extends ReadOptions {
  /** Cell texts that mean "no value"; the empty cell always does. */
  missingMarkers?: readonly string[];
}

/** What the first pass learnt: how to read the file again and what each column is. */
export interface Schema {
  dialect: Dialect;
  missingMarkers: string[];
  columns: ColumnPlan[];
  nRows: number;
}

/**
 * Reading a file takes two streamed passes so that memory holds the parsed columns but never the
 * file: the first decides each column's dtype from all its cells (a stray word on the last line
 * makes a column categorical), the second stores the values as that dtype.
 */
export async function inferSchema(bytes: ByteSource, options: IngestOptions): Promise<Schema> {
  const missingMarkers = [...new Set(['', ...(options.missingMarkers ?? DEFAULT_MISSING_MARKERS)])];
  const markers = new Set(missingMarkers);
  const { rows, dialect } = await openRows(bytes, options);
  const columns = rows.header.map((name) => new ColumnInference(name, markers));
  let nRows = 0;
  for await (const row of rows.rows) {
    nRows++;
    for (let c = 0; c < columns.length; c++) columns[c].add(row.cells[c], row.position);
  }
  if (nRows === 0) throw new DatasetError('The file has a header but no data rows');
  return {
    dialect,
    missingMarkers,
    columns: columns.map((column) => column.resolve(dialect.decimalComma, rows.positionUnit)),
    nRows,
  };
}

/** The second pass: the same bytes read into typed columns as the schema says. */
export async function readTable(bytes: ByteSource, schema: Schema): Promise<Table> {
  const { dialect } = schema;
  const { rows } = await openRows(bytes, {
    format: dialect.format,
    delimiter: dialect.delimiter ?? undefined,
    decimal: dialect.decimalComma ? ',' : '.',
  });
  const markers = new Set(schema.missingMarkers);
  const builders = schema.columns.map((plan) => columnBuilder(plan, schema.nRows, markers, dialect.decimalComma));
  let r = 0;
  for await (const row of rows.rows) {
    for (let c = 0; c < builders.length; c++) builders[c].set(r, row.cells[c]);
    r++;
  }
  if (r !== schema.nRows) throw new Error(`the file changed between passes: ${r} rows, then ${schema.nRows}`);
  return { nRows: schema.nRows, columns: builders.map((b) => b.column) };
}

interface ColumnBuilder {
  column: Column;
  set(row: number, cell: Cell): void;
}

function columnBuilder(plan: ColumnPlan, nRows: number, markers: ReadonlySet<string>, decimalComma: boolean): ColumnBuilder {
  const { name, dtype } = plan;
  if (dtype === 'categorical' || dtype === 'text') {
    const codes = new Int32Array(nRows);
    const categories: string[] = [];
    const index = new Map<string, number>();
    return {
      column: { name, dtype, codes, categories },
      set(row, cell) {
        const category = cellCategory(cell, markers);
        if (category === null) {
          codes[row] = -1;
          return;
        }
        let code = index.get(category);
        if (code === undefined) {
          code = categories.push(category) - 1;
          index.set(category, code);
        }
        codes[row] = code;
      },
    };
  }
  const values = new Float64Array(nRows);
  const read =
    dtype === 'boolean'
      ? (cell: Cell) => cellBoolean(cell, markers)
      : dtype === 'datetime'
        ? memoised((cell: Cell) => cellDatetime(cell, markers))
        : (cell: Cell) => knownNumber(cell, markers, decimalComma);
  return { column: { name, dtype, values }, set: (row, cell) => (values[row] = read(cell)) };
}

/** Texts remembered by a memo: dates repeat (a day per row of a daily series), and parsing one is dear. */
const MEMO_ENTRIES = 10_000;

function memoised(read: (cell: Cell) => number): (cell: Cell) => number {
  const memo = new Map<Cell, number>();
  return (cell) => {
    let value = memo.get(cell);
    if (value === undefined) {
      value = read(cell);
      if (memo.size < MEMO_ENTRIES) memo.set(cell, value);
    }
    return value;
  };
}

/** Both passes over text in memory: for tests and small bodies. */
export async function tableFromText(text: string, options: IngestOptions): Promise<{ table: Table; schema: Schema }> {
  const bytes = [new TextEncoder().encode(text)];
  const schema = await inferSchema(bytes, options);
  return { table: await readTable(bytes, schema), schema };
}
