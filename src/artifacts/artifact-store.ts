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
  deleteRun(runId: string): Promise<RunArtifactDeletion>;
  saveDataset(datasetId: string, content: Buffer): Promise<void>;
  datasetPath(datasetId: string): string;
}
