import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../context.js';
import { apiErrors } from '../errors.js';
import { ErrorBody, errorResponses } from '../schemas/common.js';
import { PredictBody, PredictResult } from '../schemas/predictions.js';
import { RunParams } from '../schemas/runs.js';
import { acceptMultipart, multipartFile } from './multipart-file.js';

type PredictRows = { records: Record<string, unknown>[] } | Buffer;

/** Using a completed run's model: predict new rows, download the model file. */
export const predictionRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['models'];
  const maxBytes = app.initialConfig.bodyLimit ?? 1024 * 1024;
  app.addHook('onClose', async () => services.predictions.close());
  app.addContentTypeParser(['text/csv', 'text/plain', 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  await acceptMultipart(app);
  app.post('/models/train/:model_run_id/predict', {
    config: { accepts: 'JSON {"records": [...]} (application/json), CSV with a header row (text/csv) or a multipart/form-data "file" field' },
    schema: {
      tags,
      params: RunParams,
      description:
        'Predict up to 10000 records: a JSON {records: [...]} body, or CSV with a header row, as the body (text/csv) or a multipart/form-data "file" field.',
      body: {
        content: {
          'application/json': { schema: PredictBody },
          'text/csv': { schema: Type.Unknown({ description: 'CSV text with a header row naming every feature column' }) },
        },
      },
      response: { 200: PredictResult, ...errorResponses, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody },
    },
    handler: async (request) =>
      services.predictions.predict(request.userId, request.params.model_run_id, await predictRows(request, maxBytes)),
  });
  app.get('/models/train/:model_run_id/artifact', {
    schema: {
      tags,
      params: RunParams,
      description: "The model file (an uncompressed, versioned JSON document), streamed to the run's owner.",
      response: { 200: Type.Unknown({ description: 'the trainyard-model JSON document' }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const { runId, stream } = await services.predictions.artifact(request.userId, request.params.model_run_id);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="trainyard-model-${runId}.json"`)
        .send(stream);
    },
  });
};

/** The rows to predict: JSON records, or the CSV of the body or of its multipart "file" field. */
async function predictRows(request: FastifyRequest, maxBytes: number): Promise<PredictRows> {
  if (request.isMultipart()) return multipartCsv(request, maxBytes);
  // No body at all (and so no content type) leaves request.body unset.
  if (request.body === undefined || (Buffer.isBuffer(request.body) && request.body.length === 0)) {
    throw apiErrors.emptyBody('send JSON {"records": [...]} or CSV with a header row');
  }
  return request.body as PredictRows;
}

/** A multipart file is read as CSV, like a text/csv body; JSON records go in an application/json body. */
async function multipartCsv(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const file = await multipartFile(request, maxBytes);
  if (/\.(json|jsonl|ndjson)$/i.test(file.fileName) || file.mimeType.includes('json')) {
    throw apiErrors.unsupportedMediaType(
      'a multipart file to predict is read as CSV; send JSON as an application/json body {"records": [...]}',
    );
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of file.bytes) chunks.push(chunk);
  return Buffer.concat(chunks);
}
