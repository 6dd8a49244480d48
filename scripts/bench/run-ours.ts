import { join } from 'node:path';
import { runForJson } from './child-process.js';
import type { FitReport, FitRequest } from './fit-protocol.js';
import { REPO_ROOT } from './paths.js';

const FIT_CHILD = join(import.meta.dirname, 'fit-child.ts');

/** One fit of ours in a fresh Node process (see fit-child.ts). */
export function runOurFit(request: FitRequest): Promise<FitReport> {
  // Started from the repository root, where `--import tsx` resolves.
  return runForJson<FitReport>(process.execPath, ['--import', 'tsx', FIT_CHILD, JSON.stringify(request)], { cwd: REPO_ROOT });
}
