import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../context.js';
import { apiErrors } from '../errors.js';
import { ErrorBody, PageOf, PageQuery, errorResponses } from '../schemas/common.js';
import { Dataset, DatasetParams, UploadQuery } from '../schemas/datasets.js';

export const datasetRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['datasets'];
  app.post('/datasets', {
    schema: {
      tags,
      querystring: UploadQuery,
      description: 'Upload a CSV with a header row, as a text/csv body or a multipart/form-data "file" field.',
      response: { 201: Dataset, ...errorResponses, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request, reply) => {
      const upload = await readUpload(request);
      const name = request.query.name ?? upload.fileName ?? 'dataset';
      return reply.status(201).send(await services.datasets.upload(request.userId, name, upload.content));
    },
  });
  app.get('/datasets', {
    schema: { tags, querystring: PageQuery, response: { 200: PageOf(Dataset), ...errorResponses } },
    handler: async (request) => services.datasets.list(request.userId, request.query),
  });
  app.get('/datasets/:dataset_id', {
    schema: { tags, params: DatasetParams, response: { 200: Dataset, ...errorResponses } },
    handler: async (request) => services.datasets.getOwned(request.userId, request.params.dataset_id),
  });
};

async function readUpload(request: FastifyRequest): Promise<{ content: Buffer; fileName?: string }> {
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file' && part.fieldname === 'file') {
        return { content: await part.toBuffer(), fileName: part.filename.replace(/\.[^.]*$/, '') || undefined };
      }
    }
    throw apiErrors.badRequest('multipart upload has no "file" field');
  }
  const body = request.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw apiErrors.badRequest('The request body is empty: send a CSV file');
  return { content: body };
}
