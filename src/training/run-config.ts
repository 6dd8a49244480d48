import type { ResolvedParams, TaskType } from '../ml/index.js';

/** Everything a worker needs to train one run; stored with the run as `<run>_config.json`. */
export interface RunConfig {
  modelType: string;
  taskType: TaskType;
  hyperparameters: ResolvedParams;
  /** null for clustering */
  targetColumn: string | null;
  featureColumns: string[];
  testSize: number;
  randomState: number;
}
