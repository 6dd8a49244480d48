import { ApiError, errorFromBody, networkError } from './api-error.js';
import type {
  AccessTokenBody,
  CatalogueBody,
  DatasetBody,
  ExperimentBody,
  Page,
  RegisteredUserBody,
  RunDeletedBody,
  RunImportanceBody,
  RunMetricsBody,
  RunStatus,
  RunStatusResponse,
  RunSummaryBody,
  TrainAcceptedBody,
  TrainRequestBody,
} from './api-types.js';

export const API_BASE = '/api/v1';
/** The API's largest page; listing every run of an experiment walks pages of this size. */
const MAX_PAGE = 500;

export interface PageRequest {
  limit: number;
  offset: number;
}

interface ClientHooks {
  token: () => string | null;
  /** Called when the API rejects the token, so the app can sign the user out. */
  onUnauthorized: () => void;
}

/** The public REST API, typed. Every failure is an ApiError carrying the API's `detail`. */
export class ApiClient {
  constructor(private readonly hooks: ClientHooks) {}

  register(email: string, password: string): Promise<RegisteredUserBody> {
    return this.call('POST', '/auth/register', { email, password });
  }

  signIn(email: string, password: string): Promise<AccessTokenBody> {
    return this.call('POST', '/auth/token', { email, password });
  }

  listExperiments(page: PageRequest): Promise<Page<ExperimentBody>> {
    return this.call('GET', `/experiments${query(page)}`);
  }

  createExperiment(name: string, description: string | null): Promise<ExperimentBody> {
    return this.call('POST', '/experiments', { name, description });
  }

  getExperiment(id: string): Promise<ExperimentBody> {
    return this.call('GET', `/experiments/${encodeURIComponent(id)}`);
  }

  listRuns(experimentId: string, page: PageRequest & { status?: RunStatus }): Promise<Page<RunSummaryBody>> {
    return this.call('GET', `/experiments/${encodeURIComponent(experimentId)}/runs${query(page)}`);
  }

  /** Every run of an experiment, newest first: the runs table sorts and pages on the client. */
  async listAllRuns(experimentId: string): Promise<RunSummaryBody[]> {
    const runs: RunSummaryBody[] = [];
    for (;;) {
      const page = await this.listRuns(experimentId, { limit: MAX_PAGE, offset: runs.length });
      runs.push(...page.items);
      if (page.items.length === 0 || runs.length >= page.total) return runs;
    }
  }

  listDatasets(page: PageRequest): Promise<Page<DatasetBody>> {
    return this.call('GET', `/datasets${query(page)}`);
  }

  async listAllDatasets(): Promise<DatasetBody[]> {
    const page = await this.listDatasets({ limit: MAX_PAGE, offset: 0 });
    return page.items;
  }

  getDataset(id: string): Promise<DatasetBody> {
    return this.call('GET', `/datasets/${encodeURIComponent(id)}`);
  }

  catalogue(): Promise<CatalogueBody> {
    return this.call('GET', '/models');
  }

  train(body: TrainRequestBody): Promise<TrainAcceptedBody> {
    return this.call('POST', '/models/train', body);
  }

  runStatus(runId: string): Promise<RunStatusResponse> {
    return this.call('GET', `/models/train/${encodeURIComponent(runId)}/status`);
  }

  runMetrics(runId: string): Promise<RunMetricsBody> {
    return this.call('GET', `/models/train/${encodeURIComponent(runId)}/metrics`);
  }

  runImportance(runId: string, topN: number): Promise<RunImportanceBody> {
    return this.call('GET', `/models/train/${encodeURIComponent(runId)}/feature-importance?top_n=${topN}`);
  }

  deleteRun(runId: string): Promise<RunDeletedBody> {
    return this.call('DELETE', `/models/train/${encodeURIComponent(runId)}`);
  }

  /** The bearer header for calls made outside fetch (the upload, which needs XHR for progress). */
  authorization(): Record<string, string> {
    const token = this.hooks.token();
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  /** Hands a failed answer to the sign-out hook when it means the token is no longer good. */
  reject(error: ApiError, path: string): ApiError {
    if (error.status === 401 && !path.startsWith('/auth/')) this.hooks.onUnauthorized();
    return error;
  }

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...this.authorization() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(API_BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw networkError();
    }
    const text = await response.text();
    if (!response.ok) throw this.reject(errorFromBody(response.status, text), path);
    return JSON.parse(text) as T;
  }
}

function query(params: object): string {
  const pairs = Object.entries(params).filter(([, value]) => value !== undefined && value !== null);
  return pairs.length ? `?${new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
