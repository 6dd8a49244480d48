import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { SLOW_FOREST, slowClassificationCsv } from '../helpers/synthetic.js';
import { describeEachStack, startOn, type TestTrainyard } from '../helpers/trainyard.js';

describeEachStack('a dataset in use by a training run', (stack) => {
  let ty: TestTrainyard;
  let user: ApiClient;

  beforeAll(async () => {
    ty = await startOn(stack);
    user = await ApiClient.register(ty.app);
  });
  afterAll(async () => ty.dispose());

  it('cannot be deleted, nor can the run predict, until the run is gone', async () => {
    const experimentId = await user.createExperiment();
    const datasetId = await user.uploadCsv(slowClassificationCsv(), 'slow');
    const runId = await user.train({ experiment_id: experimentId, dataset_id: datasetId, model_type: 'random_forest_classifier', target_column: 'label', hyperparameters: SLOW_FOREST });
    await user.waitForStatus(runId, 'running');
    const notYet = { detail: 'Model run is not completed yet. Current status: running' };
    const predicted = await user.request('POST', `/api/v1/models/train/${runId}/predict`, { records: [{ f0: 1 }] });
    expect([predicted.statusCode, predicted.json()]).toEqual([400, notYet]);
    expect((await user.request('GET', `/api/v1/models/train/${runId}/artifact`)).json()).toEqual(notYet);

    const refused = await user.request('DELETE', `/api/v1/datasets/${datasetId}`);
    expect([refused.statusCode, refused.json()]).toEqual([
      409,
      { detail: `Dataset ${datasetId} is in use by runs still queued or training: ${runId} (running); wait for them to finish or delete them first` },
    ]);
    expect((await user.request('GET', `/api/v1/datasets/${datasetId}`)).statusCode).toBe(200);

    expect((await user.request('DELETE', `/api/v1/models/train/${runId}`)).statusCode).toBe(200);
    const deleted = await user.request('DELETE', `/api/v1/datasets/${datasetId}`);
    expect(deleted.json()).toEqual({ message: 'Dataset deleted successfully', dataset_id: datasetId, file_deleted: true });
    expect((await user.request('GET', `/api/v1/datasets/${datasetId}`)).json()).toEqual({ detail: `Dataset with id ${datasetId} not found` });
  });
});
