import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Services } from './context.js';
import { JSON_BODY_LIMIT_MB, apiErrors, registerErrorHandler } from './errors.js';
import { authRoutes } from './routes/auth.js';
import { datasetRoutes } from './routes/datasets.js';
import { experimentRoutes } from './routes/experiments.js';
import { modelRoutes } from './routes/models.js';
import { withHyperparameterSchemas } from './openapi-hyperparameters.js';
import { validatorsByPart } from './validators.js';
import { DEFAULT_WEB_ROOT, webStatic } from './web-static.js';

export interface AppOptions {
  services: Services;
  maxUploadMb: number;
  logger: FastifyBaseLogger;
}

/** The HTTP app, wired in a fixed order: plugins, error mapping, public routes, then the authenticated API. */
export async function buildApp({ services, maxUploadMb, logger }: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = Math.floor(maxUploadMb * 1024 * 1024);
  const app = Fastify({ loggerInstance: logger, bodyLimit, schemaController: { compilersFactory: { buildValidator: validatorsByPart } } })
    .withTypeProvider<TypeBoxTypeProvider>();

  await app.register(swagger, {
    openapi: {
      info: { title: 'Trainyard', version: '0.1.0', description: 'Train models on tabular data over HTTP.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transformObject: (document) => withHyperparameterSchemas('openapiObject' in document ? document.openapiObject : document.swaggerObject),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // JSON is the only body every route takes; the routes taking files add their own parsers, so a
  // text or form body sent to a JSON route is a 415 naming JSON rather than a puzzling schema error.
  app.removeContentTypeParser('text/plain');
  // JSON is parsed on the event loop: its own, smaller limit (10 000 predict records fit) keeps one
  // huge body from stalling every other request. Uploads stream and keep the upload limit.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT_MB * 1024 * 1024 }, app.getDefaultJsonParser('error', 'error'));
  registerErrorHandler(app, maxUploadMb);

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes, { services });
      await api.register(async (secured) => {
        secured.decorateRequest('userId', '');
        secured.addHook('onRequest', async (request) => {
          const header = request.headers.authorization ?? '';
          const match = /^Bearer\s+(\S+)$/i.exec(header);
          const userId = match ? await services.auth.authenticate(match[1]) : undefined;
          if (!userId) throw apiErrors.notAuthenticated();
          request.userId = userId;
        });
        await secured.register(experimentRoutes, { services });
        await secured.register(datasetRoutes, { services });
        await secured.register(modelRoutes, { services });
      });
    },
    { prefix: '/api/v1' },
  );
  await app.register(webStatic, { root: DEFAULT_WEB_ROOT });
  return app;
}
