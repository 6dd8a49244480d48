#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { exitOnConfigError, loadConfig } from './config/config.js';

const USAGE = `Usage:
  trainyard serve                        the API server (what npm start runs)
  trainyard worker [--concurrency N]     a training worker process (needs REDIS_URL and a shared
                                         TRAINYARD_ARTIFACT_DIR; N defaults to TRAINYARD_WORKERS or the core count)

Configuration comes from the environment: see the README's Configuration and Running at scale sections.`;

/** `trainyard <command>`: the one executable of the package (its `bin`). */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || positionals.length !== 1 || (command !== 'serve' && command !== 'worker')) fail(values.help ? 0 : 2);
  if (command === 'serve') {
    if (values.concurrency !== undefined) fail(2, '--concurrency applies to `trainyard worker` only');
    await import('./server/main.js'); // the server's entry starts it
    return;
  }
  const config = loadConfig();
  if (!config.redisUrl) fail(2, 'trainyard worker needs REDIS_URL: the queue it takes runs from');
  const concurrency = concurrencyFrom(values.concurrency, config.workers);
  // Loaded once the arguments are known good, so a mistyped command answers at once.
  const { runWorkerProcess } = await import('./jobs/worker-process.js');
  await runWorkerProcess(config, concurrency);
}

function concurrencyFrom(flag: string | undefined, configured: number): number {
  if (flag === undefined) return configured > 0 ? configured : availableParallelism();
  const value = Number(flag);
  if (!Number.isInteger(value) || value < 1 || value > 256) fail(2, `--concurrency must be an integer from 1 to 256, got '${flag}'`);
  return value;
}

function fail(code: number, message?: string): never {
  if (message) console.error(`trainyard: ${message}`);
  (code === 0 ? console.log : console.error)(USAGE);
  process.exit(code);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  exitOnConfigError(err);
  if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) fail(2, (err as Error).message);
  console.error(err);
  process.exit(1);
});
