import { Piscina } from 'piscina';
import { threadEntry } from '../../ml/parallel/thread-entry.js';
import { PredictInputError } from '../../training/predict-input.js';
import type { PredictionOutcome, PredictionTask } from '../../training/prediction-task.js';
import { ModelUseError, type Predictions } from '../../training/saved-model.js';
import { UncomputablePredictionError } from '../../training/uncomputable-prediction.js';

/** A thread left idle this long exits (and forgets its models); the next call starts another. */
const IDLE_MS = 60_000;

/**
 * Predictions run on a thread of their own, never on the event loop: 10 000 records through a
 * 100-tree forest take ~0.1 s, through k-NN on a large training set far longer. One thread: the
 * training threads have the other cores, and each thread would hold its own copies of the models.
 */
export class PredictionThreads {
  private pool: Piscina<PredictionTask, PredictionOutcome> | null = null;

  /** `readModel` is called only when the thread does not hold the run's model yet. */
  async predict(task: Omit<PredictionTask, 'modelJson'>, readModel: () => Promise<string>): Promise<Predictions> {
    let outcome = await this.threads().run(task);
    if (outcome.kind === 'model-needed') outcome = await this.threads().run({ ...task, modelJson: await readModel() });
    switch (outcome.kind) {
      case 'predicted':
        return outcome.probabilities ? { predictions: outcome.predictions, probabilities: outcome.probabilities } : { predictions: outcome.predictions };
      case 'refused':
        throw refusal(outcome.reason, outcome.message);
      case 'model-needed':
        throw new Error(`the prediction thread did not keep the model of run ${task.runId}`);
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }

  private threads(): Piscina<PredictionTask, PredictionOutcome> {
    if (!this.pool) {
      const entry = threadEntry(new URL('../../training/prediction-task', import.meta.url));
      this.pool = new Piscina({ filename: entry.filename, execArgv: entry.execArgv, minThreads: 0, maxThreads: 1, idleTimeout: IDLE_MS });
    }
    return this.pool;
  }
}

/** The typed error a thread's refusal stands for (a thread's own exceptions would arrive without their kind). */
function refusal(reason: Extract<PredictionOutcome, { kind: 'refused' }>['reason'], message: string): Error {
  switch (reason) {
    case 'input':
      return new PredictInputError(message);
    case 'model':
      return new ModelUseError(message);
    case 'uncomputable':
      return new UncomputablePredictionError(message);
  }
}
