import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * An object answering `inject` over real HTTP, so ApiClient (written for app.inject) drives a
 * server in another process. Only what ApiClient calls is provided: inject's method, url,
 * payload and headers in; statusCode, headers, body and json() out.
 */
export function remoteApp(baseUrl: string): FastifyInstance {
  const inject = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    let body: string | undefined;
    if (typeof options.payload === 'string') body = options.payload;
    else if (options.payload !== undefined) {
      body = JSON.stringify(options.payload);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${options.url as string}`, { method: options.method ?? 'GET', headers, body });
    const text = await response.text();
    return {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers),
      body: text,
      payload: text,
      json: () => JSON.parse(text),
    } as unknown as LightMyRequestResponse;
  };
  return { inject } as unknown as FastifyInstance;
}
