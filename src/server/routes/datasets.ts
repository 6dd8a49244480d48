import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { UploadTooLargeError } from '../../datasets/dataset-error.js';
import type { UploadFormat } from '../../datasets/open-rows.js';
import type { Services } from '../context.js';
import { apiErrors, mediaType } from '../errors.js';
import { ErrorBody, PageOf, PageQuery, errorResponses } from '../schemas/common.js';
import { Dataset, DatasetDeleted, DatasetParams, DatasetPreview, PreviewQuery, UploadQuery } from '../schemas/datasets.js';
import { acceptMultipart, multipartFile } from './multipart-file.js';

/** Content types an upload may have, and the format each means. */
const FORMATS: Record<string, UploadFormat> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'application/octet-stream': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/json-lines': 'jsonl',
};

/** File name endings that name a format inside a multipart upload. */
const EXTENSIONS: Record<string, UploadFormat> = { json: 'json', jsonl: 'jsonl', ndjson: 'jsonl' };

interface UploadBody {
  bytes: AsyncIterable<Uint8Array>;
  format: UploadFormat;
  fileName?: string;
}

export const datasetRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['datasets'];
  const maxBytes = app.initialConfig.bodyLimit ?? 1024 * 1024;
  // Uploads reach the service as streams, never buffered whole: in this plugin the buffering
  // parsers give way to one that hands the body over untouched.
  app.removeContentTypeParser(Object.keys(FORMATS).filter((type) => app.hasContentTypeParser(type)));
  app.addContentTypeParser(Object.keys(FORMATS), (_request, payload, done) => done(null, payload));
  await acceptMultipart(app);

  app.post('/datasets', {
    config: {
      accepts: 'CSV (text/csv), a JSON array of records (application/json), JSON Lines (application/x-ndjson) or a multipart/form-data "file" field',
    },
    schema: {
      tags,
      querystring: UploadQuery,
      description:
        'Upload a table with a header: CSV (text/csv; comma, semicolon, tab or pipe, detected), a JSON array of records ' +
        '(application/json) or JSON Lines (application/x-ndjson), as the body or a multipart/form-data "file" field.',
      response: { 201: Dataset, ...errorResponses, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request, reply) => {
      const body = await uploadBody(request, maxBytes);
      const { name, delimiter, decimal, na_values } = request.query;
      const missingMarkers = na_values === undefined ? undefined : na_values.split(',').map((m) => m.trim());
      const dataset = await services.datasets.upload(request.userId, name ?? body.fileName ?? 'dataset', {
        bytes: body.bytes,
        options: { format: body.format, delimiter, decimal, missingMarkers },
        maxBytes,
      });
      return reply.status(201).send(dataset);
    },
  });
  app.get('/datasets', {
    schema: { tags, querystring: PageQuery, response: { 200: PageOf(Dataset), ...errorResponses } },
    handler: async (request) => services.datasets.list(request.userId, request.query),
  });
  app.get('/datasets/:dataset_id', {
    schema: { tags, params: DatasetParams, response: { 200: Dataset, ...errorResponses } },
    handler: async (request) => services.datasets.describe(request.userId, request.params.dataset_id),
  });
  app.get('/datasets/:dataset_id/preview', {
    schema: { tags, params: DatasetParams, querystring: PreviewQuery, response: { 200: DatasetPreview, ...errorResponses } },
    handler: async (request) => services.datasets.preview(request.userId, request.params.dataset_id, request.query.limit),
  });
  app.delete('/datasets/:dataset_id', {
    schema: {
      tags,
      params: DatasetParams,
      description: 'Deletes the data set and its file; 409 while a run is queued or training on it (runs already trained keep working).',
      response: { 200: DatasetDeleted, ...errorResponses, 409: ErrorBody },
    },
    handler: async (request) => services.datasets.delete(request.userId, request.params.dataset_id, request.log),
  });
};

async function uploadBody(request: FastifyRequest, maxBytes: number): Promise<UploadBody> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw new UploadTooLargeError(maxBytes);
  if (request.isMultipart()) {
    const file = await multipartFile(request, maxBytes);
    const extension = /\.([^.]+)$/.exec(file.fileName)?.[1]?.toLowerCase() ?? '';
    return {
      bytes: file.bytes,
      format: EXTENSIONS[extension] ?? FORMATS[file.mimeType] ?? 'csv',
      fileName: file.fileName.replace(/\.[^.]*$/, '') || undefined,
    };
  }
  // No body at all (and so no content type) leaves request.body unset.
  if (request.body === undefined || request.headers['content-length'] === '0') throw apiErrors.emptyBody('send a CSV, JSON or JSON Lines file');
  // Not destroyed when reading stops early (a 400 or 413 mid-body): the answer must still reach the client.
  return { bytes: (request.body as Readable).iterator({ destroyOnReturn: false }), format: FORMATS[mediaType(request)] ?? 'csv' };
}
