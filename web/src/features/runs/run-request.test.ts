import { describe, expect, it } from 'vitest';
import { C, N_ESTIMATORS, dataset, model } from '../../testing/builders.js';
import { buildTrainRequest, defaultFeatures, defaultTarget, featureCandidates, targetCandidates, type RunDraft } from './run-request.js';

const DATA = dataset([
  ['x1', 'numeric'],
  ['city', 'categorical'],
  ['x2', 'numeric'],
  ['label', 'categorical'],
]);
// A free-text column and a column with no values at all: never features.
const WITH_UNUSABLE = { ...DATA, columns: [...DATA.columns, { ...DATA.columns[1], name: 'notes', dtype: 'text' }, { ...DATA.columns[0], name: 'empty', n_unique: 0 }] };
const FOREST = model('random_forest_classifier', 'classification', [N_ESTIMATORS]);
const REGRESSOR = model('linear_regression', 'regression');
const KMEANS = model('kmeans', 'clustering');

const draft = (overrides: Partial<RunDraft> = {}): RunDraft => ({
  experimentId: 'e1',
  dataset: DATA,
  model: FOREST,
  targetColumn: 'label',
  featureColumns: ['x1', 'x2'],
  fields: {},
  testSize: '0.25',
  seed: '7',
  ...overrides,
});

describe('run request', () => {
  it('offers targets the task can predict and every usable feature but the target', () => {
    expect(targetCandidates(DATA, FOREST)).toEqual(['x1', 'city', 'x2', 'label']);
    expect(targetCandidates(DATA, REGRESSOR)).toEqual(['x1', 'x2']);
    expect(targetCandidates(DATA, KMEANS)).toEqual([]);
    expect([defaultTarget(DATA, FOREST), defaultTarget(DATA, REGRESSOR), defaultTarget(DATA, KMEANS)]).toEqual(['label', 'x2', null]);
    expect(featureCandidates(WITH_UNUSABLE, 'label')).toEqual(['x1', 'city', 'x2']);
  });

  it('leaves the former target unticked for clustering, and ticks every other candidate', () => {
    expect(defaultFeatures(DATA, KMEANS, null, 'label')).toEqual(['x1', 'city', 'x2']);
    expect(defaultFeatures(DATA, KMEANS, null, null)).toEqual(['x1', 'city', 'x2', 'label']);
    // A supervised model only leaves out its own target: a former regression target is a feature again.
    expect(defaultFeatures(DATA, FOREST, 'label', 'x2')).toEqual(['x1', 'city', 'x2']);
  });

  it('builds the API body from a valid draft', () => {
    expect(buildTrainRequest(draft({ fields: { n_estimators: { option: 'number', text: '20' } } }))).toEqual({
      errors: null,
      body: {
        experiment_id: 'e1',
        dataset_id: 'd1',
        model_type: 'random_forest_classifier',
        target_column: 'label',
        test_size: 0.25,
        feature_columns: ['x1', 'x2'],
        hyperparameters: { n_estimators: 20 },
        random_state: 7,
      },
    });
  });

  it('leaves target and test size out for clustering, which takes neither', () => {
    const result = buildTrainRequest(draft({ model: KMEANS, targetColumn: null, testSize: '' }));
    expect(result.body).toEqual({ experiment_id: 'e1', dataset_id: 'd1', model_type: 'kmeans', feature_columns: ['x1', 'x2'], hyperparameters: {}, random_state: 7 });
  });

  it('names every field that is wrong', () => {
    const result = buildTrainRequest(
      draft({ model: model('logistic_regression', 'classification', [C]), targetColumn: null, featureColumns: [], fields: { C: { option: 'number', text: '0' } }, testSize: '1', seed: '-3' }),
    );
    expect(result).toEqual({
      body: null,
      errors: {
        C: 'Must be a number > 0',
        target_column: 'Pick the column to predict',
        feature_columns: 'Pick at least one feature column',
        test_size: 'Must be a number between 0 and 1 (exclusive), e.g. 0.2',
        seed: 'Must be a whole number from 0 to 4294967295',
      },
    });
  });
});
