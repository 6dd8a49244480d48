import { expect } from 'vitest';

/** A user talking to the listening server over real HTTP: what the browser test checks the pages against. */
export class HttpUser {
  private readonly token: string;

  /** `session` is the dashboard's stored session (localStorage), or a bare token. */
  constructor(
    private readonly base: string,
    session: string,
  ) {
    this.token = session.startsWith('{') ? (JSON.parse(session) as { token: string }).token : session;
  }

  static async register(base: string, email: string): Promise<HttpUser> {
    const credentials = { email, password: 'correct horse battery' };
    const post = (path: string) =>
      fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
    expect((await post('/auth/register')).status).toBe(201);
    const token = await post('/auth/token');
    expect(token.status).toBe(200);
    return new HttpUser(base, ((await token.json()) as { access_token: string }).access_token);
  }

  raw(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${this.token}`, ...init.headers } });
  }

  async get(path: string) {
    return this.expectJson(await this.raw(path), 200);
  }

  async post(path: string, body: unknown) {
    const expected = path === '/models/train' ? 202 : 201;
    return this.expectJson(await this.raw(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), expected);
  }

  async uploadCsv(name: string, csv: string) {
    return this.expectJson(await this.raw(`/datasets?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv }), 201);
  }

  // The API's bodies are checked field by field by the tests that read them.
  private async expectJson(response: Response, status: number): Promise<any> {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    return JSON.parse(text);
  }
}
