import { openAsBlob } from 'node:fs';

type Json = Record<string, unknown>;

const POLL_MS = 200;

/** A signed-in user of a running service, over real HTTP: the few calls the serve bench needs. */
export class ApiSession {
  private constructor(
    private readonly apiUrl: string,
    readonly token: string,
  ) {}

  static async register(baseUrl: string): Promise<ApiSession> {
    const apiUrl = `${baseUrl}/api/v1`;
    const credentials = { email: 'bench@example.com', password: 'a-long-bench-password' };
    await call(`${apiUrl}/auth/register`, { method: 'POST', json: credentials });
    const { access_token } = await call(`${apiUrl}/auth/token`, { method: 'POST', json: credentials });
    return new ApiSession(apiUrl, String(access_token));
  }

  runUrl(runId: string, part: 'metrics' | 'status'): string {
    return `${this.apiUrl}/models/train/${runId}/${part}`;
  }

  async createExperiment(name: string): Promise<string> {
    return String((await this.request('POST', '/experiments', { name })).id);
  }

  /** Streams the file from disk (a Blob backed by it), as curl --data-binary would send it. */
  async uploadCsv(path: string, name: string): Promise<string> {
    const body = await openAsBlob(path);
    const dataset = await call(`${this.apiUrl}/datasets?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...this.auth(), 'content-type': 'text/csv' },
      body,
    });
    return String(dataset.id);
  }

  async train(body: Json): Promise<string> {
    return String((await this.request('POST', '/models/train', body)).model_run_id);
  }

  async status(runId: string): Promise<string> {
    return String((await this.request('GET', `/models/train/${runId}/status`)).status);
  }

  /** Polls until the run's status is one of `wanted`, or throws once it is past them or the time is up. */
  async waitFor(runId: string, wanted: string[], timeoutSeconds: number): Promise<string> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    for (;;) {
      const status = await this.status(runId);
      if (wanted.includes(status)) return status;
      if (!['pending', 'running'].includes(status)) throw new Error(`run ${runId} ended ${status}, waiting for ${wanted.join(' or ')}`);
      if (Date.now() > deadline) throw new Error(`run ${runId} still ${status} after ${timeoutSeconds} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Stops a run that is training and deletes it. */
  async delete(runId: string): Promise<void> {
    await this.request('DELETE', `/models/train/${runId}`);
  }

  private request(method: string, path: string, json?: Json): Promise<Json> {
    return call(`${this.apiUrl}${path}`, { method, headers: this.auth(), json });
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }
}

interface CallOptions {
  method: string;
  headers?: Record<string, string>;
  json?: Json;
  body?: Blob;
}

/** One request; anything but a 2xx throws with the status and the answer's body. */
async function call(url: string, { method, headers = {}, json, body }: CallOptions): Promise<Json> {
  const response = await fetch(url, {
    method,
    headers: json === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: json === undefined ? body : JSON.stringify(json),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 500)}`);
  return text === '' ? {} : (JSON.parse(text) as Json);
}
