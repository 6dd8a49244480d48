import { describe, expect, it } from 'vitest';
import { UnreachableServiceError } from '../../src/config/unreachable-service.js';
import { assertRedisReachable } from '../../src/jobs/bullmq/redis-probe.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { REDIS_URL, skipReason } from '../helpers/services.js';
import { silentServer } from '../helpers/silent-server.js';

describe('a host that never answers at start-up', () => {
  it('is given up on after the start-up timeout, for REDIS_URL and DATABASE_URL, without their credentials', async () => {
    const silent = await silentServer();
    try {
      const [redis, postgres] = await Promise.allSettled([
        assertRedisReachable(`redis://:secret@127.0.0.1:${silent.port}/0`),
        openPostgresDatabase(`postgres://trainyard:secret@127.0.0.1:${silent.port}/trainyard`),
      ]);

      expect(redis).toEqual({ status: 'rejected', reason: expect.any(UnreachableServiceError) });
      expect(postgres).toEqual({ status: 'rejected', reason: expect.any(UnreachableServiceError) });
      expect([(redis as PromiseRejectedResult).reason.message, (postgres as PromiseRejectedResult).reason.message]).toEqual([
        `REDIS_URL: cannot reach Redis at 127.0.0.1:${silent.port}/0: no answer within 5 s`,
        `DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${silent.port}/trainyard: no answer within 5 s`,
      ]);
    } finally {
      await silent.close();
    }
  }, 30_000);
});

const redisSkipped = skipReason(['Redis']);
describe.skipIf(redisSkipped !== null)(`a REDIS_URL naming a database index the server lacks${redisSkipped ? ` ${redisSkipped}` : ''}`, () => {
  it('is refused at start-up, not silently replaced by database 0', async () => {
    const url = new URL(REDIS_URL);
    url.pathname = '/9999';
    const error = await assertRedisReachable(url.toString()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UnreachableServiceError);
    expect((error as Error).message).toBe(`REDIS_URL: cannot reach Redis at ${url.host}/9999: ERR DB index is out of range`);
  });
});
