import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../datasets/parse-csv.js';
import type { Table } from '../datasets/table.js';
import type { RunConfig } from './run-config.js';
import { loadSavedModel, predictWith } from './saved-model.js';
import { trainRun } from './train-run.js';
import { createMatrix, findModelSpec, resolveHyperparameters } from '../ml/index.js';

const sample = (name: string): Table =>
  parseCsv(readFileSync(join(import.meta.dirname, '..', '..', 'sample-data', name), 'utf8'));

function config(modelType: string, table: Table, target: string | null, hyperparameters = {}): RunConfig {
  const spec = findModelSpec(modelType)!;
  return {
    modelType,
    taskType: spec.taskType,
    hyperparameters: resolveHyperparameters(modelType, spec.hyperparameters, hyperparameters),
    targetColumn: target,
    featureColumns: table.columns.map((c) => c.name).filter((n) => n !== target),
    testSize: 0.2,
    randomState: 42,
  };
}

/** All rows of the table's feature columns, as the saved model's input. */
function featureMatrix(table: Table, names: string[]) {
  const X = createMatrix(table.nRows, names.length);
  names.forEach((name, c) => X.data.set(table.columns.find((col) => col.name === name)!.values as Float64Array, c * table.nRows));
  return X;
}

describe('a saved model predicts what the trained one did', () => {
  it.each([
    ['random_forest_classifier', 'iris.csv', 'species', { n_estimators: 20 }],
    ['decision_tree_regressor', 'diabetes.csv', 'progression', {}],
    ['logistic_regression', 'iris.csv', 'species', { max_iter: 500 }],
    ['linear_regression', 'diabetes.csv', 'progression', {}],
    ['knn_classifier', 'wine.csv', 'cultivar', {}],
    ['random_forest_regressor', 'diabetes.csv', 'progression', { n_estimators: 10 }],
    ['decision_tree_classifier', 'breast_cancer.csv', 'diagnosis', {}],
    ['kmeans', 'iris.csv', null, { n_clusters: 3 }],
  ])('%s on %s', (modelType, file, target, params) => {
    let table = sample(file);
    if (target === null) table = { ...table, columns: table.columns.filter((c) => c.dtype === 'numeric') };
    const cfg = config(modelType, table, target, params);
    const outcome = trainRun(table, cfg, () => {});
    const loaded = loadSavedModel(JSON.stringify(outcome.modelDocument));
    expect(loaded.document.feature_names).toEqual(cfg.featureColumns);
    const fromMemory = predictWith({ ...loaded, estimator: outcome.estimator }, featureMatrix(table, cfg.featureColumns));
    const fromDisk = predictWith(loaded, featureMatrix(table, cfg.featureColumns));
    expect(Array.from(fromDisk)).toEqual(Array.from(fromMemory));
    if (target !== null && outcome.estimator.task === 'classification') {
      const labels = table.columns.find((c) => c.name === target)!.values as (string | null)[];
      expect(loaded.document.classes).toEqual([...new Set(labels)].map(String).sort());
    }
  });
});
