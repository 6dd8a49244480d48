import { DatasetError } from './dataset-error.js';

/** Bytes as they arrive (a request, a file stream) or as they are held (one buffer in an array). */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** What decoding learnt about the bytes. */
export interface TextFacts {
  bom: boolean;
}

/**
 * Bytes to text, chunk by chunk: strict UTF-8 (a byte-order mark is dropped and noted), and every
 * line ending (CRLF, lone CR) made LF, so line numbers and embedded newlines mean one thing downstream.
 */
export async function* decodeText(source: ByteSource, facts: TextFacts): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let heldCr = false;
  for await (const bytes of source) {
    if (first && bytes.length > 0) {
      checkNotUtf16(bytes);
      facts.bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      first = false;
    }
    let text = decodeChunk(decoder, bytes, true);
    if (heldCr) text = `\r${text}`;
    // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
    heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    if (text.length > 0) yield normaliseNewlines(text);
  }
  const rest = decodeChunk(decoder, new Uint8Array(0), false) + (heldCr ? '\r' : '');
  if (rest.length > 0) yield normaliseNewlines(rest);
}

function decodeChunk(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new DatasetError('The file is not valid UTF-8 text: save it as UTF-8 (with or without a byte-order mark)');
  }
}

function checkNotUtf16(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DatasetError('The file is UTF-16 text: save it as UTF-8 (with or without a byte-order mark)');
  }
}

function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
