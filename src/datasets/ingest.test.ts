import { describe, expect, it } from 'vitest';
import { decodeTable, encodeTable } from './columnar-file.js';
import { inferSchema, readTable, tableFromText, type IngestOptions } from './ingest.js';
import { cellValue, type Table } from './table.js';

/** The same bytes handed over one byte at a time: every boundary (a BOM, a CRLF, a multi-byte letter, a quote) gets split. */
async function* byteByByte(text: string): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
}

async function tableInBytes(text: string, options: IngestOptions): Promise<Table> {
  const schema = await inferSchema(byteByByte(text), options);
  return readTable(byteByByte(text), schema);
}

function rows(table: Table): unknown[][] {
  return Array.from({ length: table.nRows }, (_, r) => table.columns.map((c) => cellValue(c, r)));
}

describe('reading a file does not depend on how its bytes are chunked', () => {
  it.each([
    ['CSV with BOM, CRLF, quotes and UTF-8', '\uFEFFnäme;höhe;wann\r\n"Zoë ""Z"" ;x";1,72;2024-01-05\r\n\r\nBø;"1,8";2024-02-05 10:30\r\n', { format: 'csv' }],
    ['a JSON array', ' [ {"a": 1, "b": "x ] }"}, {"a": null, "b": "é\\"q"} ] ', { format: 'json' }],
    ['JSON Lines', '{"a": 1.5, "b": "x"}\r\n\r\n{"a": 2, "b": "ü"}', { format: 'jsonl' }],
  ] as const)('%s', async (_label, text, options) => {
    const whole = await tableFromText(text, options);
    expect(rows(await tableInBytes(text, options))).toEqual(rows(whole.table));
  });

  it('reads the semicolon export as the file writes it', async () => {
    const { table, schema } = await tableFromText('\uFEFFnäme;höhe;wann\r\n"Zoë ""Z"" ;x";1,72;2024-01-05\r\n\r\nBø;"1,8";2024-02-05 10:30\r\n', { format: 'csv' });
    expect(schema.dialect).toEqual({ format: 'csv', encoding: 'utf-8', bom: true, delimiter: ';', decimalComma: true });
    expect(table.columns.map((c) => [c.name, c.dtype])).toEqual([['näme', 'categorical'], ['höhe', 'numeric'], ['wann', 'datetime']]);
    expect(rows(table)).toEqual([
      ['Zoë "Z" ;x', 1.72, '2024-01-05T00:00:00.000Z'],
      ['Bø', 1.8, '2024-02-05T10:30:00.000Z'],
    ]);
  });
});

describe('the stored table file', () => {
  it('gives back every column, category and missing cell', async () => {
    const { table } = await tableFromText('n,c,b,d,t\n1.5,x,true,2024-01-01,\n,y,,2024-01-02,free\n-2,x,false,,text\n', { format: 'csv' });
    const file = Buffer.concat(encodeTable(table, { note: 'kept' }));
    expect(file.length % 8).toBe(0);
    const { table: back, extra } = decodeTable<{ note: string }>(file);
    expect(extra).toEqual({ note: 'kept' });
    expect(back.columns.map((c) => c.dtype)).toEqual(['numeric', 'categorical', 'boolean', 'datetime', 'categorical']);
    expect(rows(back)).toEqual(rows(table));
  });

  it('refuses bytes that are no table file', () => {
    expect(() => decodeTable(Buffer.from('name,value\n1,2\n'))).toThrow('not a Trainyard table file');
  });
});
