import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const BASE = { TRAINYARD_DATA_DIR: '/srv/trainyard' };

describe('scale settings', () => {
  it('default to the embedded service: SQLite and threads, artifacts in the data dir', () => {
    expect(loadConfig(BASE)).toMatchObject({
      databaseUrl: null,
      redisUrl: null,
      artifactDir: '/srv/trainyard',
      queuePrefix: 'trainyard',
      stalledSeconds: 30,
      stalledRetries: 1,
    });
  });

  it('read the services, a shared artifact dir and the queue settings', () => {
    const config = loadConfig({
      ...BASE,
      DATABASE_URL: 'postgres://trainyard@db:5432/trainyard?schema=team_a',
      REDIS_URL: 'redis://cache:6379/2',
      TRAINYARD_ARTIFACT_DIR: '/mnt/shared/trainyard',
      TRAINYARD_QUEUE_PREFIX: 'team-a',
      TRAINYARD_WORKERS: '0',
      TRAINYARD_STALLED_SECONDS: '10',
      TRAINYARD_STALLED_RETRIES: '0',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://trainyard@db:5432/trainyard?schema=team_a',
      redisUrl: 'redis://cache:6379/2',
      artifactDir: '/mnt/shared/trainyard',
      queuePrefix: 'team-a',
      workers: 0,
      stalledSeconds: 10,
      stalledRetries: 0,
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/x' }, "DATABASE_URL must start with postgres:// or postgresql://, got 'mysql://'"],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL is not a URL'],
    [{ REDIS_URL: 'http://cache:6379' }, "REDIS_URL must start with redis:// or rediss://, got 'http://'"],
    [{ TRAINYARD_QUEUE_PREFIX: 'a:b' }, "TRAINYARD_QUEUE_PREFIX must be letters, digits, '_', '.' or '-' (at most 64), got 'a:b'"],
    [{ TRAINYARD_STALLED_RETRIES: '-1' }, "TRAINYARD_STALLED_RETRIES must be an integer from 0 to 100, got '-1'"],
    [{ TRAINYARD_STALLED_SECONDS: '0.1' }, "TRAINYARD_STALLED_SECONDS must be a number >= 0.5, got '0.1'"],
    [{ TRAINYARD_WORKERS: '0' }, 'TRAINYARD_WORKERS=0 needs REDIS_URL: without a queue that worker processes share, nothing would train'],
  ])('refuse %j', (env, message) => {
    expect(() => loadConfig({ ...BASE, ...env })).toThrow(message);
  });

  it('never repeat a URL, which may hold a password, in an error', () => {
    expect(() => loadConfig({ ...BASE, DATABASE_URL: 'mysql://admin:s3cret@db/x' })).toThrow(/^(?!.*s3cret)/);
  });
});
