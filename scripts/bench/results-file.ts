import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './paths.js';

/**
 * Writes the run's results to bench/results/<YYYY-MM-DD>.json (UTC date; a later run that day
 * replaces it), through a .tmp file so an interrupted write never leaves half a document.
 */
export function writeResults(results: unknown, now = new Date()): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${now.toISOString().slice(0, 10)}.json`);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
  return path;
}
