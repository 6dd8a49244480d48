import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_URL, skipReason } from '../helpers/services.js';

const ROOT = join(import.meta.dirname, '..', '..');

function trainyard(args: string[], env: Record<string, string> = {}) {
  const { REDIS_URL: _redis, DATABASE_URL: _database, ...base } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('the trainyard command', () => {
  it.each([
    [['worker'], {}, 'trainyard: trainyard worker needs REDIS_URL: the queue it takes runs from'],
    [['worker', '--concurrency', '0'], { REDIS_URL: 'redis://127.0.0.1:1' }, "trainyard: --concurrency must be an integer from 1 to 256, got '0'"],
    [['worker', '--threads', '2'], {}, "trainyard: Unknown option '--threads'."],
    [['serve', '--concurrency', '2'], {}, 'trainyard: --concurrency applies to `trainyard worker` only'],
    [['worker'], { REDIS_URL: 'http://x' }, "trainyard: REDIS_URL must start with redis:// or rediss://, got 'http://'"],
    [['train'], {}, 'Usage:'],
  ])('trainyard %j exits 2 and says why', (args, env, firstLine) => {
    const { code, stderr } = trainyard(args, env);
    // Only the start is ours for an unknown option: Node's parseArgs words the rest.
    expect(stderr.split('\n')[0].slice(0, firstLine.length)).toBe(firstLine);
    expect(code).toBe(2);
  });

  it('--help prints the usage and exits 0', () => {
    const { code, stdout } = trainyard(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage:\n {2}trainyard serve /);
  });
});

/** A port nothing listens on: connecting to it is refused at once. */
const CLOSED_PORT = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});
/** Never written: every case stops before opening anything there. */
const DATA_DIR = join(tmpdir(), 'trainyard-cli-unreached');

/** Exits 2 with the one line as its only output; a hang is killed at 30 s and has no exit code. How fast: npm run bench:startup. */
function expectOneLineExit(args: string[], env: Record<string, string>, line: string): void {
  const { code, stderr, stdout } = trainyard(args, { TRAINYARD_DATA_DIR: DATA_DIR, TRAINYARD_DEMO: '0', ...env });
  expect({ code, stderr, stdout }).toEqual({ code: 2, stderr: `${line}\n`, stdout: '' });
}

describe('a service that cannot be reached at start-up stops the process with one line and exit code 2', () => {
  const redis = `redis://127.0.0.1:${CLOSED_PORT}/6`;
  const redisRefused = `trainyard: REDIS_URL: cannot reach Redis at 127.0.0.1:${CLOSED_PORT}/6: connection refused`;

  it.each([
    ['a worker', ['worker'], { REDIS_URL: redis }],
    ['an API process', ['serve'], { REDIS_URL: redis, TRAINYARD_WORKERS: '0' }],
    ['an API process with threads', ['serve'], { REDIS_URL: redis }],
  ])('REDIS_URL refused: %s', (_who, args, env) => {
    expectOneLineExit(args, env, redisRefused);
  });

  it('DATABASE_URL refused: an API process', () => {
    const database = `postgres://trainyard:secret@127.0.0.1:${CLOSED_PORT}/trainyard`;
    expectOneLineExit(['serve'], { DATABASE_URL: database }, `trainyard: DATABASE_URL: cannot reach PostgreSQL at 127.0.0.1:${CLOSED_PORT}/trainyard: connection refused`);
  });
});

const postgresSkipped = skipReason(['PostgreSQL']);
describe.skipIf(postgresSkipped !== null)(`a DATABASE_URL naming a database that does not exist${postgresSkipped ? ` ${postgresSkipped}` : ''}`, () => {
  it('stops an API process with one line and exit code 2', () => {
    const url = new URL(POSTGRES_URL);
    url.pathname = '/trainyard_no_such_database';
    expectOneLineExit(['serve'], { DATABASE_URL: url.toString() }, `trainyard: DATABASE_URL: cannot reach PostgreSQL at ${url.host}/trainyard_no_such_database: database "trainyard_no_such_database" does not exist`);
  });
});

describe('trainyard serve on an empty data dir', () => {
  it('prints the demo account on stderr, only JSON log lines on stdout, and stops on SIGINT with exit code 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'trainyard-cli-demo-'));
    const { REDIS_URL: _redis, DATABASE_URL: _database, ...base } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), 'serve'], {
      cwd: ROOT,
      env: { ...base, TRAINYARD_DATA_DIR: dataDir, PORT: String(CLOSED_PORT), TRAINYARD_WORKERS: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const bannerShown = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('API docs:')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await bannerShown;
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(stderr).toMatch(/Trainyard demo account \(TRAINYARD_DEMO=0 turns this off\):\n {2}email: {4}demo@trainyard\.local\n/);
    expect(stderr).toMatch(new RegExp(`try: {6}curl -H "Authorization: Bearer \\S+" http://127\\.0\\.0\\.1:${CLOSED_PORT}/api/v1/models`));
    const events = stdout.trim().split('\n').map((line) => JSON.parse(line).event);
    expect(events).toEqual(expect.arrayContaining(['server_started', 'server_stopping', 'server_stopped']));
  }, 60_000);
});
