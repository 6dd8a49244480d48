import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** A signed-in user talking to the app through inject, with the few calls every test needs. */
export class ApiClient {
  constructor(
    readonly app: FastifyInstance,
    readonly token: string,
  ) {}

  static async register(app: FastifyInstance, email = `user-${randomUUID()}@example.com`): Promise<ApiClient> {
    const password = 'correct horse battery';
    const registered = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password } });
    expect(registered.statusCode).toBe(201);
    const token = await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password } });
    expect(token.statusCode).toBe(200);
    return new ApiClient(app, token.json().access_token);
  }

  request(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      payload: payload as string | object | undefined,
      headers: { authorization: `Bearer ${this.token}`, ...headers },
    });
  }

  async createExperiment(name = 'test experiment'): Promise<string> {
    const res = await this.request('POST', '/api/v1/experiments', { name });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  async uploadCsv(csv: string, name = 'data'): Promise<string> {
    const res = await this.request('POST', `/api/v1/datasets?name=${encodeURIComponent(name)}`, csv, { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  async train(body: Record<string, unknown>): Promise<string> {
    const res = await this.request('POST', '/api/v1/models/train', body);
    expect(res.statusCode, res.body).toBe(202);
    return res.json().model_run_id;
  }

  /** Polls the status route until the run leaves pending/running (bounded, so a stuck run fails the test). */
  async waitForRun(runId: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.request('GET', `/api/v1/models/train/${runId}/status`);
      const status = res.json();
      if (!['pending', 'running'].includes(status.status)) return status;
      if (Date.now() > deadline) throw new Error(`run ${runId} still ${status.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async waitForStatus(runId: string, wanted: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.request('GET', `/api/v1/models/train/${runId}/status`);
      if (res.json().status === wanted) return;
      if (Date.now() > deadline) throw new Error(`run ${runId} never reached ${wanted}: ${res.body}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
