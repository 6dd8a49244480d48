import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { DatasetError } from './dataset-error.js';
import { MAX_RECORD_CHARS, checkColumnNames, recordTooLong, type Row, type RowSource } from './rows.js';
import { untilError } from './ordered-records.js';
import type { Delimiter } from './sniff-dialect.js';

interface CsvRecord {
  fields: string[];
  /** Line of the file where the record starts (the header is line 1 unless blank lines precede it). */
  line: number;
}

/**
 * Reads CSV text (LF line endings, see text-source.ts) as a header and rows. Blank lines are
 * skipped. Trailing header cells with no name are dropped when no row has a value under them
 * (spreadsheet exports end lines with delimiters), and so are empty fields past the header's end.
 * Any other difference in field count is an error naming the line and both counts.
 */
export async function csvRows(text: AsyncIterable<string>, delimiter: Delimiter): Promise<RowSource> {
  const records = readRecords(text, delimiter)[Symbol.asyncIterator]();
  const first = await records.next();
  if (first.done) throw new DatasetError('The file is empty: expected a header row and at least one data row');
  const headerLine = first.value.line;
  const rawHeader = first.value.fields.map((h) => h.trim());
  const width = namedWidth(rawHeader);
  const header = rawHeader.slice(0, width);
  checkColumnNames(header, 'header');

  async function* rows(): AsyncGenerator<Row> {
    try {
      for (let next = await records.next(); !next.done; next = await records.next()) {
        const { fields, line } = next.value;
        if (fields.length < width) throw raggedRow(line, fields.length, headerLine, width);
        for (let c = width; c < fields.length; c++) {
          if (fields[c].trim() === '') continue;
          if (c < rawHeader.length) {
            throw new DatasetError(`Column ${c + 1} of the header has no name, but line ${line} has a value in it`);
          }
          throw raggedRow(line, fields.length, headerLine, rawHeader.length);
        }
        const cells = new Array<string>(width);
        for (let c = 0; c < width; c++) cells[c] = fields[c].trim();
        yield { cells, position: line };
      }
    } finally {
      // Stops the parser (and the reading behind it) when the rows are left early, by an error or a break.
      await records.return(undefined);
    }
  }
  return { header, positionUnit: 'line', rows: rows() };
}

/** The header without its trailing unnamed cells (`a,b,,` names two columns). */
function namedWidth(header: string[]): number {
  let width = header.length;
  while (width > 1 && header[width - 1] === '') width--;
  return width;
}

function raggedRow(line: number, fields: number, headerLine: number, headerFields: number): DatasetError {
  return new DatasetError(
    `Line ${line} has ${fields} field${fields === 1 ? '' : 's'}; the header (line ${headerLine}) has ${headerFields}`,
  );
}

async function* readRecords(text: AsyncIterable<string>, delimiter: Delimiter): AsyncGenerator<CsvRecord> {
  // No `info` from csv-parse: building it for every record doubles the parsing time. Lines are
  // counted here instead, which is why empty lines come through (as one empty field) to be skipped.
  const parser = parse({
    delimiter,
    relax_column_count: true,
    // A quote inside an unquoted field (5'11") is kept as text rather than refused.
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const feeding = pipeline(Readable.from(text), parser);
  feeding.catch(() => undefined); // its errors reach the loop below through the parser
  let nextLine = 1;
  try {
    for await (const record of untilError<string[]>(parser)) {
      const line = nextLine;
      nextLine += 1 + embeddedNewlines(record);
      // A line of spaces is as blank as an empty one.
      if (record.length === 1 && record[0].trim() === '') continue;
      yield { fields: record, line };
    }
  } catch (err) {
    throw csvFailure(err, nextLine - 1);
  }
  await feeding;
}

/** Quoted newlines inside the fields: how many lines past its first the record runs. */
function embeddedNewlines(fields: string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function csvFailure(err: unknown, lastLine: number): Error {
  const code = (err as CsvError).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return new DatasetError(`The file ends inside a quoted field: a '"' opened after line ${lastLine} is never closed`);
  }
  if (code === 'CSV_MAX_RECORD_SIZE') {
    // Line ends were made LF, so a record reaching past its first line is inside a quoted field.
    const startLine = lastLine + 1;
    if ((err as CsvError & { lines: number }).lines > startLine) {
      return new DatasetError(
        `The record starting on line ${startLine} runs on over several lines past ${MAX_RECORD_CHARS} characters (1 MiB), the most one record may hold: is a '"' left open?`,
      );
    }
    return recordTooLong(`Line ${startLine}`);
  }
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    return new DatasetError(`The file is not valid CSV after line ${lastLine}: ${(err as Error).message}`);
  }
  return err as Error;
}
