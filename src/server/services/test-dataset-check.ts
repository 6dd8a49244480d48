import type { ModelSpec } from '../../ml/index.js';
import type { ColumnProfile } from '../../datasets/profile.js';
import { apiErrors } from '../errors.js';
import type { DatasetView } from './dataset-service.js';
import { classCounts } from './target-classes.js';

/**
 * A run scored on a data set of the user's own (`test_dataset_id`, H2O's validation frame) trains
 * on the whole of its dataset, so there is no split to check; instead the test data set must hold
 * the same feature and target columns, of the same kinds, and no class the training data lacks.
 */
export function checkTestDataset(
  spec: ModelSpec,
  dataset: DatasetView,
  testDataset: DatasetView,
  features: string[],
  target: ColumnProfile | null,
): void {
  if (!target) {
    throw apiErrors.badRequest(`test_dataset_id cannot be used with the clustering model '${spec.modelType}': clustering is scored on the rows it clusters`);
  }
  const trainColumns = new Map(dataset.columns.map((c) => [c.name, c]));
  const testColumns = new Map(testDataset.columns.map((c) => [c.name, c]));
  const needed = [...features, target.name];
  const missing = needed.filter((name) => !testColumns.has(name));
  if (missing.length > 0) {
    throw apiErrors.badRequest(`Test dataset '${testDataset.name}' lacks columns the run uses: ${quoted(missing)}`);
  }
  const differing = needed
    .filter((name) => kindOf(trainColumns.get(name)!) !== kindOf(testColumns.get(name)!))
    .map((name) => `'${name}' (${trainColumns.get(name)!.dtype} in '${dataset.name}', ${testColumns.get(name)!.dtype} in '${testDataset.name}')`);
  if (differing.length > 0) throw apiErrors.badRequest(`Columns differ in kind between the datasets: ${differing.join(', ')}`);
  const testTarget = testColumns.get(target.name)!;
  if (testTarget.n_unique === 0) {
    throw apiErrors.badRequest(`Target column '${target.name}' of test dataset '${testDataset.name}' has no values to score on`);
  }
  if (spec.taskType !== 'classification') return;
  const known = new Set(classCounts(target).map(([name]) => name));
  const unknown = Object.keys(testTarget.value_counts ?? {}).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw apiErrors.badRequest(`Target column '${target.name}' of test dataset '${testDataset.name}' has classes the training data lacks: ${quoted(unknown)}`);
  }
}

/** Categorical and text columns are both categories: a small test file can make one look like the other. */
function kindOf(column: ColumnProfile): string {
  return column.dtype === 'text' ? 'categorical' : column.dtype;
}

function quoted(names: string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}
