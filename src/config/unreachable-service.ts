import { ConfigError } from './config.js';

/**
 * How long a starting process waits for PostgreSQL or Redis to answer. Their clients would wait
 * (Redis: retry) without end, so a mistyped URL would look like a hung process rather than an error.
 */
export const STARTUP_TIMEOUT_MS = 5000;

/** Node's network error codes in an operator's words; any other failure keeps the service's own message. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * A setting names a service that did not answer at start-up. A ConfigError, so the process stops
 * with one line and exit code 2, like a malformed setting: the fix is the same, the setting or the service.
 */
export class UnreachableServiceError extends ConfigError {
  override name = 'UnreachableServiceError';

  constructor(setting: string, service: string, url: string, cause: unknown) {
    super(`${setting}: cannot reach ${service} at ${locationOf(url)}: ${reasonOf(cause)}`, { cause });
  }
}

/**
 * Runs `connect`, which must reach the service and get an answer, within STARTUP_TIMEOUT_MS; any
 * failure becomes an UnreachableServiceError naming the setting. The caller closes its client after.
 */
export async function reachAtStartup(setting: string, service: string, url: string, connect: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`)), STARTUP_TIMEOUT_MS);
  });
  try {
    await Promise.race([connect(), deadline]);
  } catch (err) {
    throw new UnreachableServiceError(setting, service, url, err);
  } finally {
    clearTimeout(timer);
  }
}

/** Host, port and database of a URL: never its credentials. */
function locationOf(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`;
}

function reasonOf(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return (typeof code === 'string' && NETWORK_REASONS[code]) || (err as Error).message;
}
