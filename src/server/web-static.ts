import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build:web` puts the dashboard; the same relative path from src/server and dist/server. */
export const DEFAULT_WEB_ROOT = resolve(import.meta.dirname, '..', '..', 'web', 'dist');

/** Paths the dashboard never owns: an unknown one answers the API's JSON 404, not the app's HTML. */
const API_PATH = /^\/(api|docs)(\/|$)/;
/** A last segment with an extension asks for a file; a missing file is a 404, never index.html in its place. */
const FILE_PATH = /\.[^/]*$/;

/**
 * Serves the built dashboard at `/`. Only files present at start-up get routes (no path from a request
 * reaches the filesystem), API routes keep precedence because they are more specific than `/*`, and
 * any other GET page path answers index.html so the app's own router can show the page (or its 404).
 */
export async function webStatic(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ event: 'dashboard_not_built', root }, 'The dashboard is not built (npm run build:web); serving the API only');
    return;
  }
  await app.register(fastifyStatic, { root, wildcard: false, index: 'index.html', cacheControl: false, setHeaders: cacheHeaders });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0];
    return API_PATH.test(path) || FILE_PATH.test(path) ? reply.callNotFound() : reply.sendFile('index.html');
  });
}

/** Vite names built assets by content hash, so they never change; index.html must always be revalidated. */
function cacheHeaders(reply: FastifyReply, path: string): void {
  reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}
