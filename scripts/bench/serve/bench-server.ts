import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../../../src/config/config.js';
import { createTrainyard } from '../../../src/server/bootstrap.js';

export interface BenchServer {
  baseUrl: string;
  /** Closes the service as a SIGTERM would, then removes its data dir. */
  close(): Promise<void>;
}

/**
 * The embedded service exactly as `npm start` builds it (SQLite, training threads, one per core),
 * in this process, on a fresh temporary data dir and a free port.
 */
export async function startBenchServer(maxUploadMb: number): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trainyard-bench-'));
  const config = loadConfig({
    TRAINYARD_DATA_DIR: dataDir,
    TRAINYARD_DEMO: '0',
    TRAINYARD_MAX_UPLOAD_MB: String(maxUploadMb),
  });
  // Errors only, and on stderr: stdout carries the bench's own report.
  const trainyard = await createTrainyard(config, pino({ level: 'error' }, pino.destination(2)));
  const close = async (): Promise<void> => {
    await trainyard.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return { baseUrl: await trainyard.app.listen({ port: 0, host: '127.0.0.1' }), close };
  } catch (error) {
    await close();
    throw error;
  }
}
