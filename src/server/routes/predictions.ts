import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../context.js';
import { errorResponses } from '../schemas/common.js';
import { PredictBody, PredictResult } from '../schemas/predictions.js';
import { RunParams } from '../schemas/runs.js';

/** Using a completed run's model: predict new rows, download the model file. */
export const predictionRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['models'];
  app.addHook('onClose', async () => services.predictions.close());
  app.post('/models/train/:model_run_id/predict', {
    schema: {
      tags,
      params: RunParams,
      description: 'Predict up to 10000 records: a JSON {records: [...]} body, or a CSV body (text/csv) with a header row.',
      body: {
        content: {
          'application/json': { schema: PredictBody },
          'text/csv': { schema: Type.Unknown({ description: 'CSV text with a header row naming every feature column' }) },
        },
      },
      response: { 200: PredictResult, ...errorResponses },
    },
    handler: async (request) =>
      services.predictions.predict(request.userId, request.params.model_run_id, request.body as { records: Record<string, unknown>[] } | Buffer),
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
