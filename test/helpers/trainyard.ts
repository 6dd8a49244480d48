import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.js';
import { createTrainyard, type Trainyard } from '../../src/server/bootstrap.js';

export const SAMPLE_DATA = join(import.meta.dirname, '..', '..', 'sample-data');

export function sampleCsv(name: string): string {
  return readFileSync(join(SAMPLE_DATA, name), 'utf8');
}

/** A committed scikit-learn fixture from test/fixtures/parity (made by scripts/fixtures/*.py). */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'parity', name), 'utf8')) as T;
}

export interface TestTrainyard extends Trainyard {
  dataDir: string;
  /** Closes the service and removes its data dir. */
  dispose(): Promise<void>;
}

/** A whole service on a fresh temporary data dir, reached with app.inject. */
export async function startTrainyard(env: Record<string, string> = {}, dataDir?: string): Promise<TestTrainyard> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'trainyard-test-'));
  const config = loadConfig({ TRAINYARD_DATA_DIR: dir, TRAINYARD_DEMO: '0', TRAINYARD_WORKERS: '2', ...env });
  const trainyard = await createTrainyard(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  return {
    ...trainyard,
    dataDir: dir,
    dispose: async () => {
      await trainyard.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file anywhere under the data dir whose name mentions the run. */
export function filesNamedAfter(dataDir: string, runId: string): string[] {
  return (readdirSync(dataDir, { recursive: true }) as string[])
    .map((p) => p.split('/').pop()!)
    .filter((name) => name.includes(runId));
}
