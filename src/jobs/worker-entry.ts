import { fileURLToPath } from 'node:url';

/** Where the training thread's code is. */
export function trainingWorkerEntry(): { filename: string; execArgv: string[] } {
  return threadEntry(new URL('./training-worker', import.meta.url));
}

/**
 * Where a thread's code is, given its module's URL without extension. Built, it is the compiled
 * .js; run from source (tests, `npm run dev`), it is the .ts file, loaded through tsx in the thread.
 */
export function threadEntry(moduleUrl: URL): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = fileURLToPath(`${moduleUrl.href}.${fromSource ? 'ts' : 'js'}`);
  return { filename, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}
