import type { ResolvedParams, TaskType } from '../ml/index.js';
import type { ResolvedPreprocessing } from './preprocessing-config.js';

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
  /** Score on this data set (trained on the whole of the run's own) instead of a random split; null for a split. */
  testDatasetId: string | null;
  /** The preprocessing choices with every default resolved. */
  preprocessing: ResolvedPreprocessing;
}
