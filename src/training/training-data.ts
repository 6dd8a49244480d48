import { DatasetError } from '../datasets/dataset-error.js';
import { readDatasetFile } from '../datasets/dataset-file.js';
import type { TrainingData } from './train-run.js';

/** Reads the stored data sets of one run: its own and, when it has one, the one it is scored on. */
export function loadTrainingData(datasetPath: string, testDatasetPath?: string): TrainingData {
  const train = read(datasetPath);
  return { train: train.table, test: testDatasetPath ? read(testDatasetPath).table : null, missingMarkers: train.missingMarkers };
}

function read(path: string): ReturnType<typeof readDatasetFile> {
  try {
    return readDatasetFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new DatasetError('The dataset file is gone: the dataset was deleted');
    throw err;
  }
}
