import type { MessagePort } from 'node:worker_threads';
import type { Evaluation } from '../training/evaluate.js';
import type { NamedImportance } from '../training/named-importance.js';
import type { TrainingJob } from './training-queue.js';

/** What the main thread hands a training thread. */
export interface WorkerTask extends TrainingJob {
  port: MessagePort;
}

/** Messages a training thread posts while it works. */
export type WorkerMessage = { type: 'started' } | { type: 'progress'; fraction: number };

/** What a training thread returns: plain data, written to disk and database by the main thread. */
export interface WorkerResult {
  modelJson: string;
  evaluation: Evaluation;
  importance: NamedImportance | null;
  metadata: Record<string, unknown>;
}
