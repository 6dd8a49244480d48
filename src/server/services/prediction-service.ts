import type { Readable } from 'node:stream';
import type { ArtifactStore } from '../../artifacts/artifact-store.js';
import { apiErrors } from '../errors.js';
import { PredictionThreads } from './prediction-threads.js';
import type { RunService } from './run-service.js';

/** Using a trained model: predictions for new records, and its file for download. */
export class PredictionService {
  private readonly threads = new PredictionThreads();

  constructor(
    private readonly artifacts: ArtifactStore,
    private readonly runs: RunService,
  ) {}

  /** Predictions in the original label space, in record order; `body` is `{records}` or a CSV body. */
  async predict(userId: string, rawId: string, body: { records: Record<string, unknown>[] } | Buffer) {
    const run = await this.runs.findCompleted(userId, rawId);
    const rows = Buffer.isBuffer(body) ? { csv: new Uint8Array(body) } : { records: body.records };
    const { predictions, probabilities } = await this.threads.predict({ runId: run.id, modelType: run.model_type, ...rows }, async () => {
      const json = await this.artifacts.readModel(run.id);
      if (json === undefined) throw apiErrors.notFound('Model file of run', run.id);
      return json;
    });
    return {
      model_run_id: run.id,
      model_type: run.model_type,
      task_type: run.task_type,
      n_records: predictions.length,
      predictions,
      ...(probabilities ? { probabilities } : {}),
    };
  }

  /** The model file as stored, streamed. */
  async artifact(userId: string, rawId: string): Promise<{ runId: string; stream: Readable }> {
    const run = await this.runs.findCompleted(userId, rawId);
    const stream = await this.artifacts.openModel(run.id);
    if (!stream) throw apiErrors.notFound('Model file of run', run.id);
    return { runId: run.id, stream };
  }

  /** Stops the prediction thread; called when the app closes. */
  close(): Promise<void> {
    return this.threads.close();
  }
}
