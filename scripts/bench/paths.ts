import { resolve } from 'node:path';

/** The repository root, whatever directory the bench was started from. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export const RESULTS_DIR = resolve(REPO_ROOT, 'bench', 'results');
