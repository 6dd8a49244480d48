import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../context.js';
import { ErrorBody, errorResponses } from '../schemas/common.js';
import {
  ImportanceQuery,
  ModelCatalogue,
  RunDeleted,
  RunImportance,
  RunMetrics,
  RunParams,
  RunResult,
  RunStatusBody,
  TrainAccepted,
  TrainBody,
} from '../schemas/runs.js';
import { modelCatalogue } from '../services/model-catalogue.js';
import { predictionRoutes } from './predictions.js';

export const modelRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['models'];
  await app.register(predictionRoutes, { services });
  app.get('/models', {
    schema: { tags, description: 'Every model that can be trained, with its hyperparameters', response: { 200: ModelCatalogue } },
    handler: async () => modelCatalogue(),
  });
  app.post('/models/train', {
    schema: { tags, body: TrainBody, response: { 202: TrainAccepted, ...errorResponses } },
    handler: async (request, reply) => reply.status(202).send(await services.runs.start(request.userId, request.body)),
  });
  app.get('/models/train/:model_run_id/status', {
    schema: { tags, params: RunParams, response: { 200: RunStatusBody, ...errorResponses } },
    handler: async (request) => services.runs.status(request.userId, request.params.model_run_id),
  });
  app.get('/models/train/:model_run_id/result', {
    schema: { tags, params: RunParams, response: { 200: RunResult, ...errorResponses } },
    handler: async (request) => services.runs.result(request.userId, request.params.model_run_id),
  });
  app.get('/models/train/:model_run_id/metrics', {
    schema: { tags, params: RunParams, response: { 200: RunMetrics, ...errorResponses } },
    handler: async (request) => services.runs.metrics(request.userId, request.params.model_run_id),
  });
  app.get('/models/train/:model_run_id/feature-importance', {
    schema: { tags, params: RunParams, querystring: ImportanceQuery, response: { 200: RunImportance, ...errorResponses } },
    handler: async (request) =>
      services.runs.featureImportance(request.userId, request.params.model_run_id, request.query.top_n, request.query.detail),
  });
  app.delete('/models/train/:model_run_id', {
    schema: { tags, params: RunParams, response: { 200: RunDeleted, ...errorResponses, 500: ErrorBody } },
    handler: async (request) => services.runs.delete(request.userId, request.params.model_run_id, request.log),
  });
};
