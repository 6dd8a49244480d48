import type { Readable } from 'node:stream';

/** Where model files and uploaded data sets live; local disk today, any shared storage behind the same interface. */
export interface RunArtifacts {
  /** The model document, JSON text. */
  model: string;
  config: unknown;
  metadata: unknown;
}

export interface RunArtifactDeletion {
  deleted: string[];
  missing: string[];
  failed: { file: string; error: string }[];
}

export interface ArtifactStore {
  /** Writes the three files of a run; returns the model file's path as reported to users. */
  saveRun(runId: string, artifacts: RunArtifacts): Promise<string>;
  /** Streams nothing, just the model text; undefined when absent. */
  readModel(runId: string): Promise<string | undefined>;
  /** The model file as a byte stream, for downloading; undefined when absent. */
  openModel(runId: string): Promise<Readable | undefined>;
  deleteRun(runId: string): Promise<RunArtifactDeletion>;
  /** Writes a stored data set (the chunks in order, as one file). */
  saveDataset(datasetId: string, content: Buffer | readonly Buffer[]): Promise<void>;
  datasetPath(datasetId: string): string;
  /** Where an upload is spooled while it is read (a second pass reads it back); the folder exists. */
  datasetUploadPath(datasetId: string): Promise<string>;
  /** Removes a data set's file; false when there was none. */
  deleteDataset(datasetId: string): Promise<boolean>;
}
