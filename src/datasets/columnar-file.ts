import type { Column, Table } from './table.js';

/**
 * A parsed data set as stored: the columns' typed arrays back to back, so a training thread loads
 * them without parsing text again, and a JSON header with names, dtypes, categories and whatever
 * else the service keeps beside (the dialect, the preview rows). Layout: 8 magic bytes, the
 * header's byte length (uint32 LE), the header, then each column's bytes, every block 8-aligned.
 */
const MAGIC = 'TYTABLE1';
export const PREFIX_BYTES = 12;

interface StoredColumn {
  name: string;
  dtype: Column['dtype'];
  /** Byte offset of the column's values from the start of the data blocks. */
  offset: number;
  categories?: string[];
}

interface Header<Extra> {
  n_rows: number;
  columns: StoredColumn[];
  extra: Extra;
}

export function encodeTable<Extra>(table: Table, extra: Extra): Buffer[] {
  const blocks: Buffer[] = [];
  const columns: StoredColumn[] = [];
  let offset = 0;
  for (const column of table.columns) {
    const array = 'codes' in column ? column.codes : column.values;
    const stored: StoredColumn = { name: column.name, dtype: column.dtype, offset };
    if ('codes' in column) stored.categories = column.categories;
    columns.push(stored);
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    blocks.push(bytes, padding(bytes.length));
    offset += bytes.length + padding(bytes.length).length;
  }
  const header: Header<Extra> = { n_rows: table.nRows, columns, extra };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, 8);
  return [prefix, json, padding(PREFIX_BYTES + json.length), ...blocks];
}

/** Byte length of the header that follows the prefix; throws when the bytes are no stored table. */
export function headerLength(prefix: Buffer): number {
  if (prefix.length < PREFIX_BYTES || prefix.toString('latin1', 0, 8) !== MAGIC) {
    throw new Error('not a Trainyard table file');
  }
  return prefix.readUInt32LE(8);
}

export function decodeHeader<Extra>(headerBytes: Buffer): Header<Extra> {
  return JSON.parse(headerBytes.toString('utf8')) as Header<Extra>;
}

export function decodeTable<Extra>(file: Buffer): { table: Table; extra: Extra } {
  const length = headerLength(file);
  const header = decodeHeader<Extra>(file.subarray(PREFIX_BYTES, PREFIX_BYTES + length));
  const dataStart = PREFIX_BYTES + length + padding(PREFIX_BYTES + length).length;
  const n = header.n_rows;
  const columns = header.columns.map((stored): Column => {
    const start = dataStart + stored.offset;
    if (stored.dtype === 'categorical' || stored.dtype === 'text') {
      const codes = view(Int32Array, file, start, n);
      return { name: stored.name, dtype: stored.dtype, codes, categories: stored.categories ?? [] };
    }
    return { name: stored.name, dtype: stored.dtype, values: view(Float64Array, file, start, n) };
  });
  return { table: { nRows: n, columns }, extra: header.extra };
}

/**
 * The values in place when the file's bytes are aligned for the type (a large file read whole is),
 * else an aligned copy (a small Buffer may start anywhere in Node's pool).
 */
function view<T extends Float64Array | Int32Array>(
  Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; new (length: number): T; BYTES_PER_ELEMENT: number },
  file: Buffer,
  start: number,
  length: number,
): T {
  const offset = file.byteOffset + start;
  if (offset % Type.BYTES_PER_ELEMENT === 0) return new Type(file.buffer, offset, length);
  const out = new Type(length);
  new Uint8Array(out.buffer).set(file.subarray(start, start + length * Type.BYTES_PER_ELEMENT));
  return out;
}

function padding(length: number): Buffer {
  return Buffer.alloc((8 - (length % 8)) % 8);
}
