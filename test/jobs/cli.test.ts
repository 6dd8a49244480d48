import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function trainyard(args: string[], env: Record<string, string> = {}) {
  const { REDIS_URL: _inherited, ...base } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr.split('\n')[0], stdout: result.stdout };
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
    expect(stderr.slice(0, firstLine.length)).toBe(firstLine);
    expect(code).toBe(2);
  });

  it('--help prints the usage and exits 0', () => {
    const { code, stdout } = trainyard(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage:\n {2}trainyard serve /);
  });
});
