import { csvRows } from './csv-rows.js';
import { jsonArrayRows, jsonLinesRows } from './json-rows.js';
import type { RowSource } from './rows.js';
import { sniffDelimiter, type Delimiter } from './sniff-dialect.js';
import { decodeText, type ByteSource, type TextFacts } from './text-source.js';

export type UploadFormat = 'csv' | 'json' | 'jsonl';

/** How to read a file; what is left out is detected. */
export interface ReadOptions {
  format: UploadFormat;
  delimiter?: Delimiter;
  /** ',' reads `1,72` as 1.72; by default only semicolon-delimited files do, as such exports write them. */
  decimal?: '.' | ',';
}

/** How a file was read: enough to read it again the same way, and to tell the user. */
export interface Dialect {
  format: UploadFormat;
  encoding: 'utf-8';
  bom: boolean;
  /** CSV only */
  delimiter: Delimiter | null;
  decimalComma: boolean;
}

/** Text looked at to pick the delimiter. */
const SNIFF_CHARS = 64 * 1024;

/** Opens a byte stream as rows, detecting what the options leave out. */
export async function openRows(bytes: ByteSource, options: ReadOptions): Promise<{ rows: RowSource; dialect: Dialect }> {
  const facts: TextFacts = { bom: false };
  const text = decodeText(bytes, facts);
  if (options.format !== 'csv') {
    const rows = await (options.format === 'json' ? jsonArrayRows(text) : jsonLinesRows(text));
    return { rows, dialect: { format: options.format, encoding: 'utf-8', bom: facts.bom, delimiter: null, decimalComma: false } };
  }
  const { head, complete, rest } = await peek(text, SNIFF_CHARS);
  const delimiter = options.delimiter ?? sniffDelimiter(head.join(''), complete);
  const decimalComma = options.decimal === undefined ? delimiter === ';' : options.decimal === ',';
  const rows = await csvRows(replay(head, rest), delimiter);
  return { rows, dialect: { format: 'csv', encoding: 'utf-8', bom: facts.bom, delimiter, decimalComma } };
}

/** Reads chunks until `chars` characters are in hand (or the text ends), keeping the rest unread. */
async function peek(text: AsyncGenerator<string>, chars: number) {
  const head: string[] = [];
  let length = 0;
  let complete = false;
  while (length < chars) {
    const next = await text.next();
    if (next.done) {
      complete = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  return { head, complete, rest: text };
}

async function* replay(head: string[], rest: AsyncGenerator<string>): AsyncGenerator<string> {
  yield* head;
  yield* rest;
}
