import type { ArtifactStore } from '../artifacts/artifact-store.js';
import type { RunConfig } from '../training/run-config.js';

/** One training job: which run, on which data file, with what configuration. */
export interface TrainingJob {
  runId: string;
  datasetPath: string;
  /** The stored data set scored on instead of a split, when the run has a test_dataset_id. */
  testDatasetPath?: string;
  config: RunConfig;
}

/** The job for a run: the paths of its data sets come from where artifacts live, the rest from its config. */
export function trainingJob(runId: string, datasetId: string, config: RunConfig, artifacts: Pick<ArtifactStore, 'datasetPath'>): TrainingJob {
  const job: TrainingJob = { runId, datasetPath: artifacts.datasetPath(datasetId), config };
  if (config.testDatasetId) job.testDatasetPath = artifacts.datasetPath(config.testDatasetId);
  return job;
}

/** Accepts training jobs and runs them somewhere (worker threads here, worker processes at scale). */
export interface TrainingQueue {
  submit(job: TrainingJob): void;
  /** Stops a pending or running job; resolves true once it can no longer write anything, false if it was not active. */
  cancel(runId: string): Promise<boolean>;
  /** Whether a job for the run is waiting or training anywhere this queue reaches (a restart leaves those alone). */
  holds(runId: string): Promise<boolean>;
  /** Runs with a job waiting or training right now. */
  activeRunIds(): Promise<string[]>;
  /**
   * Stops training in this process at once: no job starts here any more, and the running ones are
   * handed back (their runs are pending again, trained anew by another worker or the next start).
   * cancel, holds and activeRunIds still answer until close.
   */
  stopTraining(): Promise<void>;
  /** stopTraining, then closes the queue's connections. */
  close(): Promise<void>;
}
