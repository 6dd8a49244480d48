import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * The real PostgreSQL and Redis the scale tests run against (127.0.0.1 on every developer machine
 * and in CI; .ci/run starts them). Overridable for another machine.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type Service = 'PostgreSQL' | 'Redis';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** The services this machine lacks; each is announced, since a skipped suite must never look like a passed one. */
export const MISSING_SERVICES: Service[] = await (async () => {
  const [postgres, redis] = await Promise.all([postgresReachable(), redisReachable()]);
  const missing: Service[] = [];
  if (!postgres) missing.push('PostgreSQL');
  if (!redis) missing.push('Redis');
  for (const service of missing) {
    console.warn(`\n*** ${service} is not reachable (${service === 'Redis' ? REDIS_URL : POSTGRES_URL}): its tests are SKIPPED ***\n`);
  }
  return missing;
})();

/** "SKIPPED: PostgreSQL not reachable" when one of `needs` is missing, else null. */
export function skipReason(needs: Service[]): string | null {
  const missing = needs.filter((s) => MISSING_SERVICES.includes(s));
  return missing.length ? `SKIPPED: ${missing.join(' and ')} not reachable` : null;
}

/** A name for a test's own schema and queue prefix, stable for one data dir (so a restarted service finds its data). */
export function isolationId(dataDir: string): string {
  return createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
}

export function schemaFor(id: string): string {
  return `ty_${id}`;
}

export function queuePrefixFor(id: string): string {
  return `ty-test-${id}`;
}

export function databaseUrlFor(id: string): string {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schemaFor(id));
  return url.toString();
}

/** Removes what a test left in PostgreSQL and Redis. */
export async function dropIsolated(id: string, services: Service[]): Promise<void> {
  if (services.includes('PostgreSQL')) {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(`drop schema if exists ${schemaFor(id)} cascade`);
    } finally {
      await client.end();
    }
  }
  if (services.includes('Redis')) {
    const client = new Redis(REDIS_URL);
    try {
      const keys: string[] = [];
      for await (const batch of client.scanStream({ match: `${queuePrefixFor(id)}:*`, count: 1000 })) keys.push(...(batch as string[]));
      if (keys.length > 0) await client.del(...keys);
    } finally {
      client.disconnect();
    }
  }
}

/** Suites that submit many runs as one user lift the per-user cap; its own test sets it low. */
export const UNCAPPED = { TRAINYARD_MAX_ACTIVE_RUNS_PER_USER: '100000' };
