/**
 * The memory check of the engine-speed work: a 100-tree random forest (depth 10, every core) on
 * 1,000,000 x 50 binary classification rows, printing progress as trees come in, fit time and the
 * process's peak RSS next to the size of the float64 data. Not part of `npm run bench` (minutes
 * of fitting and a 550 MB CSV): `tsx scripts/bench/million-rows.ts [--rows N] [--data-dir DIR]`.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findModelSpec, type Classifier } from '../../src/ml/index.js';
import { findAnchorTools } from './anchor-tools.js';
import { runCommand } from './child-process.js';
import { REPO_ROOT } from './paths.js';
import { streamNumericCsv } from './streamed-csv.js';

const N_FEATURES = 50;
const FOREST = { n_estimators: 100, max_depth: 10, n_jobs: -1, random_state: 0 };
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, 'data-dir': { type: 'string', default: join(REPO_ROOT, 'bench', 'data') } },
});
const nRows = Number(values.rows);
const csv = await ensureCsv(values['data-dir']!, nRows);

const started = performance.now();
const { features, target } = await streamNumericCsv(csv, nRows, N_FEATURES);
const labels = Int32Array.from(target);
report('loaded', { rows: nRows, seconds: seconds(started), data_mb: Math.round(features.data.byteLength / MB) });

const forest = findModelSpec('random_forest_classifier')!.create(FOREST) as Classifier;
const fitStarted = performance.now();
let reported = 0;
forest.fit(features, labels, 2, {
  onProgress: (fraction) => {
    if (fraction - reported < 0.1 && fraction < 1) return;
    reported = fraction;
    report('progress', { fraction: Number(fraction.toFixed(2)), seconds: seconds(fitStarted), rss_mb: Math.round(process.memoryUsage().rss / MB) });
  },
});
const fitSeconds = seconds(fitStarted);
const predicted = forest.predict(features);
const correct = predicted.reduce((n, label, i) => n + (label === labels[i] ? 1 : 0), 0);
const peakRssMb = Math.round((process.resourceUsage().maxRSS * 1024) / MB);
const dataMb = Math.round(features.data.byteLength / MB);
report('done', { fit_seconds: fitSeconds, train_accuracy: correct / nRows, peak_rss_mb: peakRssMb, data_mb: dataMb, peak_over_data: peakRssMb / dataMb });
// The forest's worker threads are unref'd, but a pending terminate can still hold the loop open briefly.
process.exit(0);

async function ensureCsv(dataDir: string, rows: number): Promise<string> {
  const path = join(dataDir, `binary-${rows}x${N_FEATURES}.csv`);
  if (existsSync(path)) return path;
  const anchors = await findAnchorTools();
  if (!anchors.available) throw new Error(`no ${path}, and make_data.py cannot make it: ${anchors.reason}`);
  mkdirSync(dataDir, { recursive: true });
  console.log(`generating ${path} (make_data.py, about a minute per million rows)`);
  const args = ['--task', 'classification', '--rows', String(rows), '--features', String(N_FEATURES), '--informative', '20', '--classes', '2'];
  await runCommand(anchors.tools.python, [join(anchors.tools.dir, 'make_data.py'), ...args, '--seed', '0', '--out', `${path}.partial`]);
  renameSync(`${path}.partial`, path);
  return path;
}

function seconds(since: number): number {
  return Number(((performance.now() - since) / 1000).toFixed(1));
}

function report(event: string, fields: Record<string, number>): void {
  console.log(JSON.stringify({ event, ...fields }));
}
