/** Errors the engine raises on bad input; the server maps them to HTTP in one place. */
export class NotFittedError extends Error {
  constructor(modelType: string) {
    super(`${modelType} is not fitted yet: call fit before predicting`);
    this.name = 'NotFittedError';
  }
}

export class InvalidHyperparameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidHyperparameterError';
  }
}

/** Data the algorithm cannot work with (too few rows for k clusters, a single class, ...). */
export class InvalidTrainingDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTrainingDataError';
  }
}
