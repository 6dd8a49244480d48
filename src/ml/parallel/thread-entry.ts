import { fileURLToPath } from 'node:url';

/** How to start a worker thread on one of our modules. */
export interface ThreadEntry {
  filename: string;
  execArgv: string[];
  /** The thread's process.argv[2...]. */
  argv?: string[];
}

/**
 * Where a thread's code is, given its module's URL without extension. Built, it is the compiled
 * .js; run from source (tests, `npm run dev`), it is the .ts file, loaded through tsx in the thread.
 */
export function threadEntry(moduleUrl: URL): ThreadEntry {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = fileURLToPath(`${moduleUrl.href}.${fromSource ? 'ts' : 'js'}`);
  return { filename, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

/**
 * How to start a plain worker thread (not a piscina pool, which loads its module itself) on one of
 * our modules. Built, that is the compiled .js; from source, a CommonJS starter that requires the
 * .ts file through tsx (see source-thread.cjs).
 */
export function workerThreadEntry(moduleUrl: URL): ThreadEntry {
  const entry = threadEntry(moduleUrl);
  if (entry.execArgv.length === 0) return entry;
  const starter = fileURLToPath(new URL('./source-thread.cjs', import.meta.url));
  return { filename: starter, execArgv: entry.execArgv, argv: [entry.filename] };
}
