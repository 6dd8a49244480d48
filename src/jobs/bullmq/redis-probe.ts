import { Redis } from 'ioredis';
import { reachAtStartup } from '../../config/unreachable-service.js';

/**
 * Throws an UnreachableServiceError unless REDIS_URL answers, within the start-up timeout. BullMQ's
 * clients retry without end, which is right for an outage once running but turns a wrong URL at
 * start-up into a process that neither serves nor exits.
 */
export async function assertRedisReachable(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // ioredis tells why it could not connect only in an 'error' event; connect() just says "Connection is closed".
  let cause: Error | undefined;
  client.on('error', (err: Error) => (cause ??= err));
  try {
    await reachAtStartup('REDIS_URL', 'Redis', url, async () => {
      await client.connect().catch((err: unknown) => {
        throw cause ?? err;
      });
      // A database index the server lacks is only an 'error' event to ioredis, which then carries on in db 0.
      await client.select(client.options.db ?? 0);
    });
  } finally {
    client.disconnect();
  }
}
