import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createTrainyard, type Trainyard } from '../../src/server/bootstrap.js';
import { describeEach } from './describe-each.js';
import { REDIS_URL, UNCAPPED, databaseUrlFor, dropIsolated, isolationId, queuePrefixFor, type Service } from './services.js';

export const SAMPLE_DATA = join(import.meta.dirname, '..', '..', 'sample-data');

export function sampleCsv(name: string): string {
  return readFileSync(join(SAMPLE_DATA, name), 'utf8');
}

/** A committed scikit-learn fixture from test/fixtures/parity (made by scripts/fixtures/*.py). */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'parity', name), 'utf8')) as T;
}

/** A combination of backends the API suite runs on: each test gets its own schema and queue prefix. */
export interface Stack {
  name: string;
  needs: Service[];
  env(isolationId: string): Record<string, string>;
}

export const STACKS: Stack[] = [
  { name: 'sqlite', needs: [], env: () => ({}) },
  { name: 'postgres', needs: ['PostgreSQL'], env: (id) => ({ DATABASE_URL: databaseUrlFor(id) }) },
  {
    name: 'postgres+bullmq',
    needs: ['PostgreSQL', 'Redis'],
    env: (id) => ({ DATABASE_URL: databaseUrlFor(id), REDIS_URL, TRAINYARD_QUEUE_PREFIX: queuePrefixFor(id) }),
  },
];

export function describeEachStack(title: string, body: (stack: Stack) => void): void {
  describeEach(STACKS, title, body);
}

export interface TestTrainyard extends Trainyard {
  dataDir: string;
  config: Config;
  /** Closes the service and removes its data dir, schema and Redis keys. */
  dispose(): Promise<void>;
}

/** A whole embedded service (SQLite, threads) on a fresh temporary data dir, reached with app.inject. */
export async function startTrainyard(env: Record<string, string> = {}, dataDir?: string): Promise<TestTrainyard> {
  return startOn(STACKS[0], env, dataDir);
}

/** A whole service on `stack`; the same `dataDir` again reaches the same database and queue (a restart). */
export async function startOn(stack: Stack, env: Record<string, string> = {}, dataDir?: string): Promise<TestTrainyard> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'trainyard-test-'));
  const id = isolationId(dir);
  const config = loadConfig({ TRAINYARD_DATA_DIR: dir, TRAINYARD_DEMO: '0', TRAINYARD_WORKERS: '2', ...UNCAPPED, ...stack.env(id), ...env });
  const trainyard = await createTrainyard(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  return {
    ...trainyard,
    dataDir: dir,
    config,
    dispose: async () => {
      await trainyard.close();
      rmSync(dir, { recursive: true, force: true });
      await dropIsolated(id, stack.needs);
    },
  };
}

/** Every file anywhere under the data dir whose name mentions the run. */
export function filesNamedAfter(dataDir: string, runId: string): string[] {
  return (readdirSync(dataDir, { recursive: true }) as string[])
    .map((p) => p.split('/').pop()!)
    .filter((name) => name.includes(runId));
}
