import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../context.js';
import { PageOf, PageQuery, errorResponses } from '../schemas/common.js';
import { CreateExperiment, Experiment, ExperimentParams } from '../schemas/experiments.js';
import { RunSummary, RunsQuery } from '../schemas/runs.js';

export const experimentRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['experiments'];
  app.post('/experiments', {
    schema: { tags, body: CreateExperiment, response: { 201: Experiment, ...errorResponses } },
    handler: async (request, reply) =>
      reply.status(201).send(await services.experiments.create(request.userId, request.body.name, request.body.description ?? null)),
  });
  app.get('/experiments', {
    schema: { tags, querystring: PageQuery, response: { 200: PageOf(Experiment), ...errorResponses } },
    handler: async (request) => services.experiments.list(request.userId, request.query),
  });
  app.get('/experiments/:experiment_id', {
    schema: { tags, params: ExperimentParams, response: { 200: Experiment, ...errorResponses } },
    handler: async (request) => {
      const { user_id: _owner, ...experiment } = await services.experiments.getOwned(request.userId, request.params.experiment_id);
      return experiment;
    },
  });
  app.get('/experiments/:experiment_id/runs', {
    schema: { tags, params: ExperimentParams, querystring: RunsQuery, response: { 200: PageOf(RunSummary), ...errorResponses } },
    handler: async (request) => {
      const { status, limit, offset } = request.query;
      return services.runs.listRuns(request.userId, request.params.experiment_id, status, { limit, offset });
    },
  });
};
