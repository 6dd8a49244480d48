import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { loadFixture, sampleCsv, startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

interface FixtureDataset {
  featureNames: string[];
  targetName: string;
  classes: string[] | null;
  X: number[][];
  y: number[];
  train: number[];
  test: number[];
}

interface ParityCase {
  model: string;
  dataset: string;
  scale: string;
  params: Record<string, unknown>;
  scores: Record<string, number | null>;
}

const datasets = loadFixture<{ datasets: Record<string, FixtureDataset> }>('classic-datasets.json').datasets;
const parityCases = ['classic-linear.json', 'classic-svm.json', 'classic-bayes.json', 'classic-neighbors.json'].flatMap(
  (name) => loadFixture<{ cases: ParityCase[] }>(name).cases,
);

/** A fixture data set's rows as CSV: the same numbers (shortest round-trip text), classes by name. */
function fixtureCsv(dataset: FixtureDataset, rows: number[]): string {
  const header = [...dataset.featureNames, dataset.targetName].map((name) => JSON.stringify(name)).join(',');
  const target = (i: number) => (dataset.classes ? dataset.classes[dataset.y[i]] : String(dataset.y[i]));
  const lines = rows.map((i) => [...dataset.X[i].map(String), target(i)].join(','));
  return [header, ...lines].join('\n') + '\n';
}

/** One deterministic case per model, retrained through the API on the fixture's own train and test rows. */
const THROUGH_API: Array<[string, string, Record<string, unknown>]> = [
  ['ridge', 'diabetes', { alpha: 10 }],
  ['ridge_classifier', 'breast_cancer', {}],
  ['lasso', 'diabetes', { alpha: 0.5 }],
  ['elastic_net', 'diabetes', { alpha: 0.1, l1_ratio: 0.2 }],
  ['svc', 'breast_cancer', {}],
  ['svr', 'diabetes', { C: 100, epsilon: 5 }],
  ['gaussian_naive_bayes', 'wine', {}],
  ['multinomial_naive_bayes', 'digits', {}],
  ['bernoulli_naive_bayes', 'breast_cancer', {}],
  ['knn_regressor', 'diabetes', { n_neighbors: 10, weights: 'distance' }],
];

/** Every new classic model on a real sample CSV, with what its feature-importance answer must say. */
const EVERY_MODEL: Array<[string, string, Record<string, unknown>, string | null]> = [
  ['sgd_classifier', 'iris', {}, 'coef_'],
  ['ridge_classifier', 'iris', {}, 'coef_'],
  ['svc', 'iris', {}, null],
  ['svc', 'iris', { kernel: 'linear' }, 'coef_'],
  ['gaussian_naive_bayes', 'iris', {}, null],
  ['multinomial_naive_bayes', 'iris', {}, null],
  ['bernoulli_naive_bayes', 'iris', { binarize: 3 }, null],
  ['mlp_classifier', 'iris', { max_iter: 300 }, null],
  ['ridge', 'diabetes', {}, 'coef_'],
  ['lasso', 'diabetes', {}, 'coef_'],
  ['elastic_net', 'diabetes', {}, 'coef_'],
  ['sgd_regressor', 'diabetes', {}, 'coef_'],
  ['svr', 'diabetes', { C: 100, epsilon: 5 }, null],
  ['svr', 'diabetes', { kernel: 'linear', C: 10 }, 'coef_'],
  ['knn_regressor', 'diabetes', {}, null],
  ['mlp_regressor', 'diabetes', { learning_rate_init: 0.05, max_iter: 300 }, null],
];

const TARGETS: Record<string, string> = { iris: 'species', diabetes: 'progression' };

describe('the classic models train through the API', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  let experimentId: string;
  const sampleIds: Record<string, string> = {};

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
    experimentId = await user.createExperiment('classic models');
    for (const name of ['iris', 'diabetes']) sampleIds[name] = await user.uploadCsv(sampleCsv(`${name}.csv`), name);
  });
  afterAll(async () => ty.dispose());

  async function completed(runId: string): Promise<Record<string, any>> {
    const status = await user.waitForRun(runId);
    expect(status.status, JSON.stringify(status)).toBe('completed');
    return (await user.request('GET', `/api/v1/models/train/${runId}/metrics`)).json();
  }

  it.each(EVERY_MODEL)('%s on %s %j answers in the spec shape', async (modelType, dataset, hyperparameters, method) => {
    const runId = await user.train({
      experiment_id: experimentId,
      dataset_id: sampleIds[dataset],
      model_type: modelType,
      target_column: TARGETS[dataset],
      hyperparameters,
    });
    const metrics = await completed(runId);
    const classification = dataset === 'iris';
    expect(metrics).toMatchObject({ model_type: modelType, task_type: classification ? 'classification' : 'regression' });
    const metricNames = classification ? ['accuracy', 'precision', 'recall', 'f1_score', 'auc_roc'] : ['mae', 'mse', 'rmse', 'r2'];
    expect(Object.keys(metrics.metrics)).toEqual(metricNames);
    // Every model learns something real on these data sets.
    if (classification) expect(metrics.metrics.accuracy).toBeGreaterThan(0.6);
    else expect(metrics.metrics.r2).toBeGreaterThan(0.15);
    const importance = (await user.request('GET', `/api/v1/models/train/${runId}/feature-importance`)).json();
    if (method === null) {
      expect(importance).toMatchObject({
        has_feature_importance: false,
        feature_importance: null,
        importance_method: null,
        message: `Model type '${modelType}' does not support feature importance`,
      });
    } else {
      expect(importance).toMatchObject({ has_feature_importance: true, importance_method: method });
      const total = Object.values(importance.feature_importance_dict as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });

  it('reports binary ROC AUC from the decision values of a model without probabilities, and says so', async () => {
    const breastId = await user.uploadCsv(sampleCsv('breast_cancer.csv'), 'breast cancer');
    const metrics = await completed(
      await user.train({ experiment_id: experimentId, dataset_id: breastId, model_type: 'ridge_classifier', target_column: 'diagnosis' }),
    );
    expect(metrics.metrics.auc_roc).toBeGreaterThan(0.95);
    expect(metrics.metric_warnings.auc_roc).toBe('from decision_function: the model gives no class probabilities');
    const multiclass = await completed(
      await user.train({ experiment_id: experimentId, dataset_id: sampleIds.iris, model_type: 'svc', target_column: 'species' }),
    );
    expect(multiclass.metrics.auc_roc).toBeNull();
    expect(multiclass.metric_warnings.auc_roc).toBe(
      'the model gives no class probabilities, which one-vs-rest AUC over more than two classes needs',
    );
  });

  it('accepts the aliases and reports the canonical model type', async () => {
    for (const [alias, canonical, dataset] of [
      ['naive_bayes', 'gaussian_naive_bayes', 'iris'],
      ['gaussian_nb', 'gaussian_naive_bayes', 'iris'],
      ['ridge_regression', 'ridge', 'diabetes'],
      ['lasso_regression', 'lasso', 'diabetes'],
    ]) {
      const runId = await user.train({
        experiment_id: experimentId,
        dataset_id: sampleIds[dataset],
        model_type: alias,
        target_column: TARGETS[dataset],
      });
      expect((await completed(runId)).model_type).toBe(canonical);
    }
  });

  it('rejects an unknown kernel with a 400 naming it and the choices', async () => {
    const res = await user.request('POST', '/api/v1/models/train', {
      experiment_id: experimentId,
      dataset_id: sampleIds.iris,
      model_type: 'svc',
      target_column: 'species',
      hyperparameters: { kernel: 'precomputed' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe(
      'Invalid hyperparameter \'kernel\' for svc: got "precomputed", allowed: one of "linear", "poly", "rbf", "sigmoid"',
    );
  });

  // Each value is in range on its own; the pair is what scikit-learn refuses, so the request is a 400 and no run is made.
  it.each([
    ['sgd_regressor', 'diabetes', 'progression', { learning_rate: 'constant', eta0: 0 }, "eta0' for sgd_regressor: eta0 must be > 0 with learning_rate 'constant'"],
    ['sgd_classifier', 'iris', 'species', { learning_rate: 'optimal', alpha: 0 }, "alpha' for sgd_classifier: alpha must be > 0 since learning_rate is 'optimal'"],
    ['random_forest_regressor', 'diabetes', 'progression', { bootstrap: false, max_samples: 0.5 }, "max_samples' for random_forest_regressor: max_samples can only be set when bootstrap is true"],
    ['agglomerative_clustering', 'iris', null, { n_clusters: 3, distance_threshold: 1.5 }, "distance_threshold' for agglomerative_clustering: Exactly one of n_clusters and distance_threshold has to be set, and the other needs to be null"],
    ['hierarchical', 'iris', null, { linkage: 'ward', metric: 'manhattan' }, "metric' for agglomerative_clustering: manhattan was provided as metric. Ward can only work with euclidean distances"],
  ])('refuses %s with parameters that conflict (%s, %j), before queuing a run', async (modelType, dataset, target, hyperparameters, detail) => {
    const before = (await user.request('GET', `/api/v1/experiments/${experimentId}/runs`)).json().total;
    const res = await user.request('POST', '/api/v1/models/train', {
      experiment_id: experimentId,
      dataset_id: sampleIds[dataset],
      model_type: modelType,
      ...(target === null ? { feature_columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'] } : { target_column: target }),
      hyperparameters,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ detail: `Invalid hyperparameter '${detail}` });
    expect((await user.request('GET', `/api/v1/experiments/${experimentId}/runs`)).json().total).toBe(before);
  });

  it.each(THROUGH_API)("%s on %s %j, fitted on the fixture's train rows and scored on its test rows: scikit-learn's metrics", async (modelType, name, params) => {
    const sameParams = JSON.stringify(params);
    const parity = parityCases.find((c) => c.model === modelType && c.dataset === name && JSON.stringify(c.params) === sameParams)!;
    const dataset = datasets[name];
    const trainId = await user.uploadCsv(fixtureCsv(dataset, dataset.train), `${name} train`);
    const testId = await user.uploadCsv(fixtureCsv(dataset, dataset.test), `${name} test`);
    const metrics = await completed(
      await user.train({
        experiment_id: experimentId,
        dataset_id: trainId,
        test_dataset_id: testId,
        model_type: modelType,
        target_column: dataset.targetName,
        hyperparameters: params,
        preprocessing: { scaling: parity.scale === 'standard' ? 'standard' : 'none' },
      }),
    );
    // The engine's parity tests hold these fits to scikit-learn's to 1e-9; through the API the same
    // rows give the same metrics.
    for (const [metric, value] of Object.entries(parity.scores)) {
      if (value === null) expect(metrics.metrics[metric], metric).toBeNull();
      else expect(Math.abs(metrics.metrics[metric] - value), metric).toBeLessThan(1e-6);
    }
  });
});
