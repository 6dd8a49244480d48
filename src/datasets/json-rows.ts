import type { Cell } from './cell-values.js';
import { DatasetError } from './dataset-error.js';
import { MAX_RECORD_CHARS, checkColumnNames, recordTooLong, type Row, type RowSource } from './rows.js';

/**
 * JSON uploads: an array of records (`[{"a": 1}, ...]`, streamed element by element, never parsed
 * whole) or JSON Lines (one record per line, blank lines skipped). The first record's keys are the
 * columns; a later record may leave a key out (a missing value) but may not bring a new one.
 */
export function jsonArrayRows(text: AsyncIterable<string>): Promise<RowSource> {
  return recordsToRows(arrayElements(text), 'record');
}

export function jsonLinesRows(text: AsyncIterable<string>): Promise<RowSource> {
  return recordsToRows(lines(text), 'line');
}

interface JsonText {
  text: string;
  position: number;
}

async function recordsToRows(elements: AsyncGenerator<JsonText>, unit: 'line' | 'record'): Promise<RowSource> {
  const first = await elements.next();
  if (first.done) throw new DatasetError('The file holds no records: expected at least one');
  const header = Object.keys(toRecord(first.value, unit));
  if (header.length === 0) {
    throw new DatasetError(`${capital(unit)} ${first.value.position} has no keys: the first record's keys are the columns, so it needs at least one`);
  }
  checkColumnNames(header, 'first record');
  const index = new Map(header.map((name, i) => [name, i]));

  const toRow = ({ text, position }: JsonText): Row => {
    const record = toRecord({ text, position }, unit);
    const cells = new Array<Cell>(header.length).fill(null);
    for (const [key, value] of Object.entries(record)) {
      const c = index.get(key);
      if (c === undefined) throw new DatasetError(`${capital(unit)} ${position} has the key '${key}', which the first record does not have`);
      if (value !== null && typeof value === 'object') {
        throw new DatasetError(`${capital(unit)} ${position}: '${key}' holds ${Array.isArray(value) ? 'an array' : 'an object'}; values must be flat`);
      }
      cells[c] = typeof value === 'string' ? value.trim() : (value as Cell);
    }
    return { cells, position };
  };
  async function* rows(): AsyncGenerator<Row> {
    try {
      yield toRow(first.value as JsonText);
      for await (const element of elements) yield toRow(element);
    } finally {
      // Stops the reading behind the rows when they are left early, by an error or a break.
      await elements.return(undefined);
    }
  }
  return { header, positionUnit: unit, rows: rows() };
}

function toRecord({ text, position }: JsonText, unit: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DatasetError(`${capital(unit)} ${position} is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DatasetError(`${capital(unit)} ${position} is not a JSON object ({"column": value, ...})`);
  }
  return value as Record<string, unknown>;
}

function capital(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

async function* lines(text: AsyncIterable<string>): AsyncGenerator<JsonText> {
  let pending = '';
  let line = 0;
  for await (const chunk of text) {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    if (pending.length > MAX_RECORD_CHARS) throw recordTooLong(`Line ${line + 1}`);
    for (const part of parts) {
      line++;
      if (part.length > MAX_RECORD_CHARS) throw recordTooLong(`Line ${line}`);
      if (part.trim() !== '') yield { text: part, position: line };
    }
  }
  if (pending.trim() !== '') yield { text: pending, position: line + 1 };
}

/** The elements of a top-level JSON array, one text each, found by tracking strings and nesting. */
async function* arrayElements(text: AsyncIterable<string>): AsyncGenerator<JsonText> {
  let opened = false;
  let closed = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let partial = '';
  let count = 0;
  for await (const chunk of text) {
    let start = depth > 0 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === ' ' || ch === '\n' || ch === '\t') continue;
      if (closed) throw new DatasetError('The file has more text after the closing ] of its JSON array');
      if (!opened) {
        if (ch !== '[') throw new DatasetError('A JSON upload must be an array of records ([{"column": value, ...}, ...]); send one record per line as application/x-ndjson');
        opened = true;
      } else if (depth === 0) {
        if (ch === ']') closed = true;
        else if (ch === '{' || ch === '[') {
          depth = 1;
          start = i;
        } else if (ch !== ',') {
          throw new DatasetError(`Record ${count + 1} is not a JSON object ({"column": value, ...})`);
        }
      } else if (ch === '"') {
        inString = true;
      } else if (ch === '{' || ch === '[') {
        depth++;
      } else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          count++;
          const text = partial + chunk.slice(start, i + 1);
          if (text.length > MAX_RECORD_CHARS) throw recordTooLong(`Record ${count}`);
          yield { text, position: count };
          partial = '';
          start = -1;
        }
      }
    }
    if (depth > 0) {
      partial += chunk.slice(start);
      if (partial.length > MAX_RECORD_CHARS) throw recordTooLong(`Record ${count + 1}`);
    }
  }
  if (!opened) throw new DatasetError('The file is empty: expected a JSON array of records');
  if (!closed) throw new DatasetError(`The JSON array is not closed: the file ends inside record ${count + 1} or before its ]`);
}
