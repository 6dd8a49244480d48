import multipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UploadTooLargeError } from '../../datasets/dataset-error.js';
import { apiErrors } from '../errors.js';

/** The file of a multipart/form-data body, its bytes streamed as they arrive. */
export interface FilePart {
  fileName: string;
  mimeType: string;
  bytes: AsyncIterable<Uint8Array>;
}

/** Lets the routes of this plugin take a multipart/form-data body of one file within the upload limit. */
export async function acceptMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: app.initialConfig.bodyLimit, files: 1 }, throwFileSizeLimit: true });
}

/**
 * The body's one file, sent as the "file" field (other fields are ignored). Its bytes end in a 413
 * past `maxBytes`, and in a 400 when a second file follows: the multipart plugin, limited to one
 * file, would otherwise drop it without a word, and the first would be used as if it were all.
 */
export async function multipartFile(request: FastifyRequest, maxBytes: number): Promise<FilePart> {
  const parts = request.parts()[Symbol.asyncIterator]();
  const part = await firstFile(parts);
  if (!part || part.fieldname !== 'file') throw apiErrors.badRequest('multipart upload has no "file" field');
  return { fileName: part.filename, mimeType: part.mimetype, bytes: wholeFile(part, parts, maxBytes) };
}

async function firstFile(parts: AsyncIterator<Multipart>): Promise<MultipartFile | undefined> {
  try {
    for (let next = await parts.next(); !next.done; next = await parts.next()) {
      if (next.value.type === 'file') return next.value;
    }
    return undefined;
  } catch (err) {
    throw invalidMultipart(err);
  }
}

async function* wholeFile(part: MultipartFile, rest: AsyncIterator<Multipart>, maxBytes: number): AsyncGenerator<Uint8Array> {
  try {
    yield* part.file;
    // A file cut at the size limit ends quietly; make that the 413 it is.
    if (part.file.truncated) throw new UploadTooLargeError(maxBytes);
    // The parts after it: fields are ignored, a second file ends them in FST_FILES_LIMIT.
    while (!(await rest.next()).done) continue;
  } catch (err) {
    throw invalidMultipart(err);
  }
}

/** A body that says multipart but is not (no boundary, cut short) or holds two files: the client's fault, so a 400. */
function invalidMultipart(err: unknown): Error {
  if ((err as { code?: string }).code === 'FST_FILES_LIMIT') {
    return apiErrors.badRequest('The multipart upload has more than one file: send one, as the "file" field');
  }
  if (err instanceof UploadTooLargeError || (err as { statusCode?: number }).statusCode === 413) return err as Error;
  return apiErrors.badRequest(`Invalid multipart upload: ${err instanceof Error ? err.message : String(err)}`);
}
