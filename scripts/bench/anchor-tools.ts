import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runForJson } from './child-process.js';
import { REPO_ROOT } from './paths.js';

/**
 * The Debian interpreter, as the anchor harness asks: a pyenv or venv python3 would not see the
 * apt-installed scikit-learn and XGBoost.
 */
const PYTHON = '/usr/bin/python3';
const SCRIPTS = ['anchor.py', 'make_data.py'];
/** Imports what anchor.py and make_data.py need, and prints their versions for the results file. */
const IMPORT_CHECK = [
  'import json, sklearn, xgboost, pandas',
  'print(json.dumps({"sklearn": sklearn.__version__, "xgboost": xgboost.__version__, "pandas": pandas.__version__}))',
].join('\n');

/** The anchor harness: scikit-learn / XGBoost reference fits and the standard data generator. */
export interface AnchorTools {
  python: string;
  dir: string;
  versions: Record<string, string>;
}

export type AnchorAvailability = { available: true; tools: AnchorTools } | { available: false; reason: string };

/** The harness in TRAINYARD_ANCHOR_DIR, else next to the repository in ../shared/bench. */
export function anchorDir(): string {
  return resolve(process.env.TRAINYARD_ANCHOR_DIR ?? join(REPO_ROOT, '..', 'shared', 'bench'));
}

/** Whether the harness can run here, and if not, why: the bench then carries on with our numbers alone. */
export async function findAnchorTools(): Promise<AnchorAvailability> {
  const dir = anchorDir();
  const missing = SCRIPTS.filter((script) => !existsSync(join(dir, script)));
  if (missing.length > 0) return { available: false, reason: `${missing.join(', ')} not found in ${dir} (set TRAINYARD_ANCHOR_DIR)` };
  if (!existsSync(PYTHON)) return { available: false, reason: `${PYTHON} not found` };
  try {
    const versions = await runForJson<Record<string, string>>(PYTHON, ['-c', IMPORT_CHECK]);
    return { available: true, tools: { python: PYTHON, dir, versions } };
  } catch (error) {
    const lastLine = (error as Error).message.split('\n').pop();
    return { available: false, reason: `${PYTHON} cannot import sklearn, xgboost and pandas (${lastLine})` };
  }
}
