import { join } from 'node:path';
import type { AnchorTools } from './anchor-tools.js';
import { runForJson } from './child-process.js';
import type { ShapeData } from './shape-data.js';
import { SPLIT_SEED, type SuiteEntry } from './suite.js';

/** The part of anchor.py's JSON line the bench reads (its README documents every field). */
export interface AnchorReport {
  rows: number;
  features: number;
  train_rows: number;
  test_rows: number;
  fit_seconds: number;
  peak_rss_mb: number;
  metrics: Record<string, number | null | string>;
  params: Record<string, unknown>;
  versions: Record<string, string | null>;
}

/** One scikit-learn / XGBoost fit of the entry on the shape's shared split. */
export function runAnchorFit(tools: AnchorTools, data: ShapeData, entry: SuiteEntry): Promise<AnchorReport> {
  return runForJson<AnchorReport>(tools.python, [
    join(tools.dir, 'anchor.py'),
    ...['--csv', data.csv, '--model', entry.anchorModel, '--params', JSON.stringify(entry.params)],
    ...['--seed', String(SPLIT_SEED), '--split-in', data.splitFile],
  ]);
}
