import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { startTrainyard, type TestTrainyard } from '../helpers/trainyard.js';

/** Names with a line break in them: a quoted CSV header and quoted class values. */
const FEATURE = 'height\n(cm)';
const CLASSES = ['short\nrow', 'tall'];
const CSV = [
  '"height\n(cm)",width,label',
  ...Array.from({ length: 40 }, (_, i) => `${150 + i},${(i * 7) % 11},"${i < 20 ? 'short\nrow' : 'tall'}"`),
].join('\n');

describe('names from the data reach every answer, whatever characters they hold', () => {
  let ty: TestTrainyard;
  let user: ApiClient;
  let datasetId: string;
  let runId: string;

  beforeAll(async () => {
    ty = await startTrainyard();
    user = await ApiClient.register(ty.app);
    datasetId = await user.uploadCsv(CSV, 'line breaks');
    const experimentId = await user.createExperiment();
    runId = await user.train({ experiment_id: experimentId, dataset_id: datasetId, model_type: 'logistic_regression', target_column: 'label' });
    expect((await user.waitForRun(runId)).status).toBe('completed');
  });
  afterAll(async () => ty.dispose());

  const get = async (url: string) => {
    const res = await user.request('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('keeps them in the profile and the preview', async () => {
    const label = (await get(`/api/v1/datasets/${datasetId}`)).columns[2];
    expect(label.value_counts).toEqual({ [CLASSES[0]]: 20, [CLASSES[1]]: 20 });
    const preview = await get(`/api/v1/datasets/${datasetId}/preview?limit=1`);
    expect(preview.rows).toEqual([{ [FEATURE]: 150, width: 0, label: CLASSES[0] }]);
  });

  it('keeps them in the metrics, the result and the feature importance', async () => {
    const importance = (await get(`/api/v1/models/train/${runId}/metrics`)).feature_importance;
    expect(Object.keys(importance).sort()).toEqual([FEATURE, 'width']);
    expect((await get(`/api/v1/models/train/${runId}/result`)).feature_importance).toEqual(importance);
    const ranked = await get(`/api/v1/models/train/${runId}/feature-importance?detail=encoded`);
    expect(ranked.feature_importance_dict).toEqual(importance);
    expect(Object.keys(ranked.coefficients).sort()).toEqual([FEATURE, 'width']);
  });

  it('keeps them in predictions: records in, class probabilities out', async () => {
    const res = await user.request('POST', `/api/v1/models/train/${runId}/predict`, { records: [{ [FEATURE]: 152, width: 3 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json().probabilities[0])).toEqual(CLASSES);
  });
});
