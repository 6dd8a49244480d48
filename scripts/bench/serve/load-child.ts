/**
 * autocannon against one URL, in its own process (started with fork), so that generating the load
 * takes no time on the event loop of the server being measured. It tells its parent when the first
 * request is about to go, then what autocannon measured.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  token: string;
  seconds: number;
  connections: number;
  /** Requests per second offered in all; absent, every connection sends as fast as answers come back. */
  overallRate?: number;
}

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export type LoadMessage = { kind: 'started' } | { kind: 'report'; figures: LoadFigures };

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]) as LoadRequest;
  await send({ kind: 'started' });
  const result = await autocannon({
    url: request.url,
    headers: { authorization: `Bearer ${request.token}` },
    duration: request.seconds,
    connections: request.connections,
    ...(request.overallRate ? { overallRate: request.overallRate } : {}),
  });
  const figures: LoadFigures = {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  await send({ kind: 'report', figures });
  // The IPC channel would keep this process alive.
  process.disconnect();
}

function send(message: LoadMessage): Promise<void> {
  if (!process.send) throw new Error('load-child.ts runs under fork(), with an IPC channel');
  const sent = process.send.bind(process);
  return new Promise((resolve, reject) => {
    sent(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
