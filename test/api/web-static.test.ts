import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../src/server/errors.js';
import { webStatic } from '../../src/server/web-static.js';

const INDEX = '<!doctype html><title>dashboard</title>';
const SCRIPT = 'console.log("app")';

/** An app with the real error handler, one API route and the dashboard plugin over `root`. */
async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  registerErrorHandler(app, 1);
  app.get('/api/v1/ping', async () => ({ pong: true }));
  app.get('/health', async () => ({ status: 'ok' }));
  await app.register(webStatic, { root });
  await app.ready();
  return app;
}

describe('the dashboard at /', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'trainyard-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-3f9a.js'), SCRIPT);
    app = await appServing(root);
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / and for every page path, never cached', async () => {
    for (const url of ['/', '/experiments', '/experiments/4b8e/runs/77aa', '/datasets?offset=20', '/no/such/page']) {
      const res = await app.inject({ method: 'GET', url });
      expect([url, res.statusCode, res.body]).toEqual([url, 200, INDEX]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the hashed build files as immutable', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-3f9a.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(SCRIPT);
    expect(res.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves API routes first and answers unknown API paths and missing files with the JSON 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    for (const url of ['/api/v1/nope', '/api', '/docs/missing', '/assets/index-0000.js', '/favicon.ico']) {
      const res = await app.inject({ method: 'GET', url });
      expect([url, res.statusCode, res.json()]).toEqual([url, 404, { detail: `No route for GET ${url}` }]);
    }
    const post = await app.inject({ method: 'POST', url: '/experiments' });
    expect([post.statusCode, post.json()]).toEqual([404, { detail: 'No route for POST /experiments' }]);
  });

  it('never turns a request path into a file read outside the build', async () => {
    const outside = join(root, '..', `${root.split('/').pop()}-outside.txt`);
    writeFileSync(outside, 'CONTENT OUTSIDE THE BUILD');
    const name = outside.split('/').pop();
    try {
      for (const url of [`/../${name}`, `/assets/..%2f..%2f${name}`, `/%2e%2e/${name}`, '/assets/../../package.json']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.body, url).not.toContain('CONTENT OUTSIDE');
        expect(res.body, url).not.toContain('"devDependencies"');
      }
    } finally {
      rmSync(outside, { force: true });
    }
  });

  it('serves the API alone when the dashboard is not built', async () => {
    const bare = await appServing(join(root, 'missing'));
    try {
      const res = await bare.inject({ method: 'GET', url: '/' });
      expect([res.statusCode, res.json()]).toEqual([404, { detail: 'No route for GET /' }]);
      expect((await bare.inject({ method: 'GET', url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    } finally {
      await bare.close();
    }
  });
});
