import type { RunConfig } from '../training/run-config.js';

/** One training job: which run, on which data file, with what configuration. */
export interface TrainingJob {
  runId: string;
  datasetPath: string;
  config: RunConfig;
}

/** Accepts training jobs and runs them somewhere (worker threads here, worker processes at scale). */
export interface TrainingQueue {
  submit(job: TrainingJob): void;
  /** Stops a pending or running job; resolves true once it can no longer write anything, false if it was not active. */
  cancel(runId: string): Promise<boolean>;
  /** Runs this queue is responsible for right now (queued or training). */
  activeRunIds(): string[];
  /** Stops taking jobs and ends the running ones. */
  close(): Promise<void>;
}
