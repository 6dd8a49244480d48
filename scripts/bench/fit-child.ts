/**
 * One fit in a fresh process (`node --import tsx fit-child.ts '<FitRequest JSON>'`), so its peak
 * RSS belongs to this fit and its data alone: loads the CSV, fits on the split's training rows,
 * scores with our own metrics and prints one FitReport line.
 */
import { findModelSpec, resolveHyperparameters, type Estimator } from '../../src/ml/index.js';
import { fitAndScore } from './fit-and-score.js';
import { SCORE_NAME, type FitReport, type FitRequest } from './fit-protocol.js';
import { readNumericCsv } from './numeric-csv.js';
import { readSplitFile } from './split-file.js';

/** Built as the service builds a run's model: defaults filled and checked, then the pairwise checks. */
function createEstimator(modelType: string, params: Record<string, unknown>): Estimator {
  const spec = findModelSpec(modelType);
  if (!spec) throw new Error(`${modelType} is not in our catalogue`);
  const resolved = resolveHyperparameters(spec.modelType, spec.hyperparameters, params);
  spec.checkParams?.(resolved);
  return spec.create(resolved);
}

function main(): void {
  const request = JSON.parse(process.argv[2]) as FitRequest;
  const table = readNumericCsv(request.csv);
  const split = readSplitFile(request.splitFile, table.features.nRows);
  const estimator = createEstimator(request.modelType, request.params);
  const outcome = fitAndScore(estimator, table, split);
  const report: FitReport = {
    rows: table.features.nRows,
    features: table.features.nCols,
    trainRows: split.train.length,
    testRows: split.test.length,
    fitSeconds: outcome.fitSeconds,
    score: outcome.metrics[SCORE_NAME[estimator.task]] ?? null,
    metrics: outcome.metrics,
    // resourceUsage() gives kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssBeforeFitMb: outcome.rssBeforeFitMb,
  };
  // Exit once the line is out: worker threads a model started for its fit must not keep the child alive.
  process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
}

main();
