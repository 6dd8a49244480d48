import { explainAllocationFailure } from '../training/allocation-failure.js';
import { loadTrainingData } from '../training/training-data.js';
import { trainRun } from '../training/train-run.js';
import { lowerThisThreadPriority } from './thread-priority.js';
import type { WorkerMessage, WorkerResult, WorkerTask } from './worker-protocol.js';

// Once per training thread, before any fit: the threads a fit starts inherit it.
lowerThisThreadPriority();

/**
 * Entry of a training thread: parse the data, train, hand the result back. It writes nothing itself.
 * A model whose arrays, or whose saved text, are too large to allocate fails the run with a plain
 * message rather than V8's "Invalid array length" or "Invalid string length".
 */
export default function runTrainingTask(task: WorkerTask): WorkerResult {
  const post = (message: WorkerMessage): void => task.port.postMessage(message);
  post({ type: 'started' });
  try {
    const data = loadTrainingData(task.datasetPath, task.testDatasetPath);
    const outcome = trainRun(data, task.config, (fraction) => post({ type: 'progress', fraction }));
    return {
      modelJson: JSON.stringify(outcome.modelDocument),
      evaluation: outcome.evaluation,
      importance: outcome.importance,
      metadata: outcome.metadata,
    };
  } catch (err) {
    throw explainAllocationFailure(err);
  } finally {
    task.port.close();
  }
}
