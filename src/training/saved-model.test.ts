import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModelSpec, resolveHyperparameters } from '../ml/index.js';
import { tableFromText } from '../datasets/ingest.js';
import type { Table } from '../datasets/table.js';
import { buildDesign } from './design.js';
import { resolvePreprocessing } from './preprocessing-config.js';
import type { RunConfig } from './run-config.js';
import { loadSavedModel, predict, type SavedModel } from './saved-model.js';
import { trainRun } from './train-run.js';

async function sample(name: string): Promise<{ table: Table; missingMarkers: string[] }> {
  const { table, schema } = await tableFromText(readFileSync(join(import.meta.dirname, '..', '..', 'sample-data', name), 'utf8'), { format: 'csv' });
  return { table, missingMarkers: schema.missingMarkers };
}

function config(modelType: string, table: Table, target: string | null, hyperparameters = {}): RunConfig {
  const spec = findModelSpec(modelType)!;
  return {
    modelType,
    taskType: spec.taskType,
    hyperparameters: resolveHyperparameters(modelType, spec.hyperparameters, hyperparameters),
    targetColumn: target,
    featureColumns: table.columns.filter((c) => c.name !== target && c.dtype !== 'text').map((c) => c.name),
    testSize: 0.2,
    randomState: 42,
    testDatasetId: null,
    preprocessing: resolvePreprocessing({}, spec.needsScaling),
  };
}

describe('a saved model predicts what the trained one did', () => {
  it.each([
    ['random_forest_classifier', 'iris.csv', 'species', { n_estimators: 20 }],
    ['decision_tree_regressor', 'diabetes.csv', 'progression', {}],
    ['logistic_regression', 'penguins.csv', 'Species', { max_iter: 500 }],
    ['linear_regression', 'diabetes.csv', 'progression', {}],
    ['knn_classifier', 'wine.csv', 'cultivar', {}],
    ['random_forest_regressor', 'diabetes.csv', 'progression', { n_estimators: 10 }],
    ['decision_tree_classifier', 'seattle-weather.csv', 'weather', { max_depth: 6 }],
    ['kmeans', 'iris.csv', null, { n_clusters: 3 }],
  ])('%s on %s', async (modelType, file, target, params) => {
    const { table, missingMarkers } = await sample(file);
    const data = { train: target === null ? { ...table, columns: table.columns.filter((c) => c.dtype === 'numeric') } : table, test: null, missingMarkers };
    const cfg = config(modelType, data.train, target, params);
    const outcome = trainRun(data, cfg, () => {});
    const loaded = loadSavedModel(JSON.stringify(outcome.modelDocument));
    const inMemory: SavedModel = { document: outcome.modelDocument, preprocessor: outcome.preprocessor, estimator: outcome.estimator };
    const { inputs } = buildDesign(data.train, cfg.featureColumns, null);
    expect(predict(loaded, inputs)).toEqual(predict(inMemory, inputs));
    expect(loaded.document.feature_names).toEqual(cfg.featureColumns);
    expect(loaded.preprocessor.featureNames).toEqual(outcome.preprocessor.featureNames);
  });

  it('decodes classes into the values the target held and keys probabilities by class', async () => {
    const { table, missingMarkers } = await sample('penguins.csv');
    const cfg = config('logistic_regression', table, 'Species', { max_iter: 500 });
    const outcome = trainRun({ train: table, test: null, missingMarkers }, cfg, () => {});
    const { inputs } = buildDesign(table, cfg.featureColumns, null);
    const answer = predict(loadSavedModel(JSON.stringify(outcome.modelDocument)), inputs);
    expect(outcome.modelDocument.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(new Set(answer.predictions)).toEqual(new Set(['Adelie', 'Chinstrap', 'Gentoo']));
    expect(Object.keys(answer.probabilities![0])).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    for (const row of answer.probabilities!) expect(Object.values(row).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it.each([
    ['numeric', 'x,grade\n1,1\n2,1\n3,1\n4,2\n5,2\n6,2\n7,3\n8,3\n9,3\n10,3\n', [1, 3]],
    ['boolean', 'x,passed\n1,false\n2,false\n3,false\n4,FALSE\n5,true\n6,true\n7,TRUE\n8,true\n', [false, true]],
  ])('gives a %s target its classes back as values of that kind', async (_kind, csv, expected) => {
    const { table, schema } = await tableFromText(csv, { format: 'csv' });
    const target = table.columns[1].name;
    const cfg = { ...config('decision_tree_classifier', table, target), testSize: 0.3 };
    const outcome = trainRun({ train: table, test: null, missingMarkers: schema.missingMarkers }, cfg, () => {});
    const model = loadSavedModel(JSON.stringify(outcome.modelDocument));
    const inputs = [{ kind: 'numeric' as const, values: Float64Array.of(1, 10) }];
    expect(predict(model, inputs).predictions).toEqual(expected);
  });
});
