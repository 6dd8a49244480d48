/**
 * What the two times a run reports measure, said wherever they are shown. Duration runs from the
 * train request's created_at to the completed_at written once the results are saved; training time
 * is the engine's fit() alone (training_metadata.training_time, timed around it in train-run.ts).
 */
export interface RunTiming {
  label: string;
  /** A few words shown under the label. */
  hint: string;
  /** The whole meaning, for the tooltip. */
  meaning: string;
}

export const DURATION: RunTiming = {
  label: 'Duration',
  hint: 'request to saved result',
  meaning: 'From the train request to the saved result: waiting for a worker, reading the data, preprocessing, fitting, scoring and saving the model.',
};

export const TRAINING_TIME: RunTiming = {
  label: 'Training time',
  hint: 'fitting only',
  meaning: 'Fitting the model on the preprocessed training rows, and nothing else: no queueing, data loading, scoring or saving.',
};
