import { fileURLToPath } from 'node:url';

/**
 * Where the training thread's code is. Built, it is the compiled .js beside this file; run from
 * source (tests, `npm run dev`), it is the .ts file, loaded through tsx in the thread.
 */
export function trainingWorkerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = fileURLToPath(new URL(`./training-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url));
  return { filename, execArgv: fromSource ? ['--import', 'tsx'] : [] };
}
