import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../context.js';
import { AccessToken, Credentials, RegisteredUser } from '../schemas/auth.js';
import { ErrorBody } from '../schemas/common.js';

export const authRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post('/auth/register', {
    schema: { tags: ['auth'], body: Credentials, response: { 201: RegisteredUser, 400: ErrorBody, 409: ErrorBody } },
    handler: async (request, reply) => reply.status(201).send(await services.auth.register(request.body.email, request.body.password)),
  });
  app.post('/auth/token', {
    schema: { tags: ['auth'], body: Credentials, response: { 200: AccessToken, 400: ErrorBody, 401: ErrorBody } },
    handler: async (request) => services.auth.issueToken(request.body.email, request.body.password),
  });
};
