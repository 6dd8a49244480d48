import type { AuthService } from './services/auth-service.js';
import type { DatasetService } from './services/dataset-service.js';
import type { ExperimentService } from './services/experiment-service.js';
import type { PredictionService } from './services/prediction-service.js';
import type { RunService } from './services/run-service.js';

/** The use cases the routes call; built once in app.ts. */
export interface Services {
  auth: AuthService;
  experiments: ExperimentService;
  datasets: DatasetService;
  runs: RunService;
  predictions: PredictionService;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every authenticated route. */
    userId: string;
  }
  interface FastifyContextConfig {
    /** What a route's body may be, named in the 415 for any other content type; unset, application/json only. */
    accepts?: string;
  }
}
