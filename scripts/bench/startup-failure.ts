/**
 * `npm run bench:startup`: how long `trainyard serve` takes to give up, with one line and exit
 * code 2, when PostgreSQL or Redis is not there: a port that refuses at once, and a host that takes
 * the connection and never answers (bounded by STARTUP_TIMEOUT_MS). Tests check the line and the
 * code; the seconds are measured here, on an otherwise idle machine, never asserted in a test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STARTUP_TIMEOUT_MS } from '../../src/config/unreachable-service.js';
import { silentServer } from '../../test/helpers/silent-server.js';
import { markdownTable } from './markdown-table.js';
import { REPO_ROOT } from './paths.js';

interface Exit {
  code: number | null;
  firstLine: string;
  seconds: number;
}

/** A port nothing listens on any more: connecting is refused at once. */
async function refusingPort(): Promise<{ port: number; close(): Promise<void> }> {
  const silent = await silentServer();
  await silent.close();
  return { port: silent.port, close: async () => {} };
}

function serveWith(env: Record<string, string>): Promise<Exit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trainyard-bench-startup-'));
  const { REDIS_URL: _redis, DATABASE_URL: _database, ...base } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src', 'cli.ts'), 'serve'], {
    cwd: REPO_ROOT,
    env: { ...base, TRAINYARD_DATA_DIR: dataDir, TRAINYARD_DEMO: '0', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, firstLine: stderr.split('\n')[0], seconds: (performance.now() - started) / 1000 });
    }),
  );
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  for (const [kind, open] of [['refusing', refusingPort], ['silent', silentServer]] as const) {
    const target = await open();
    try {
      for (const [setting, url] of [
        ['REDIS_URL', `redis://127.0.0.1:${target.port}/0`],
        ['DATABASE_URL', `postgres://trainyard@127.0.0.1:${target.port}/trainyard`],
      ]) {
        const exit = await serveWith({ [setting]: url });
        rows.push([setting, kind, String(exit.code), exit.seconds.toFixed(2), exit.firstLine]);
      }
    } finally {
      await target.close();
    }
  }
  const columns = [
    { header: 'setting', align: 'left' },
    { header: 'host', align: 'left' },
    { header: 'exit code', align: 'right' },
    { header: 'seconds to exit', align: 'right' },
    { header: 'first line on stderr', align: 'left' },
  ] as const;
  console.log(markdownTable([...columns], rows));
  console.log(`\nStart-up timeout: ${STARTUP_TIMEOUT_MS / 1000} s; the seconds include starting Node and tsx.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
