import type { FileHandle } from 'node:fs/promises';
import { UploadTooLargeError } from './dataset-error.js';

/**
 * Passes an upload's bytes through while writing them to `file`, so a second pass can read them
 * from disk; past `maxBytes` it stops with UploadTooLargeError. `received.bytes` counts what came.
 */
export async function* spoolTo(
  source: AsyncIterable<Uint8Array>,
  file: FileHandle,
  maxBytes: number,
  received: { bytes: number },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    received.bytes += chunk.length;
    if (received.bytes > maxBytes) throw new UploadTooLargeError(maxBytes);
    await file.write(chunk);
    yield chunk;
  }
}
