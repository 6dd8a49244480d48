import type { Static } from '@sinclair/typebox';
import type { AccessToken, RegisteredUser } from '../../src/server/schemas/auth.js';
import type { PageOf } from '../../src/server/schemas/common.js';
import type { Dataset } from '../../src/server/schemas/datasets.js';
import type { Experiment } from '../../src/server/schemas/experiments.js';
import type {
  ModelCatalogue,
  RunDeleted,
  RunImportance,
  RunMetrics,
  RunStatusBody,
  RunSummary,
  TrainAccepted,
  TrainBody,
} from '../../src/server/schemas/runs.js';
import type * as Web from '../../web/src/lib/api-types.js';

/**
 * The dashboard's API types (web/src/lib/api-types.ts) held to the server's TypeBox schemas by
 * `npm run typecheck`: a response shape the dashboard reads that the server stops sending, or a
 * request the server stops accepting, fails to compile here. Nothing runs; the types are the test.
 */
type Fits<Actual extends Expected, Expected> = [Actual, Expected];

export type DashboardReadsWhatTheApiSends = [
  Fits<Static<typeof AccessToken>, Web.AccessTokenBody>,
  Fits<Static<typeof RegisteredUser>, Web.RegisteredUserBody>,
  Fits<Static<typeof Dataset>, Web.DatasetBody>,
  Fits<Static<typeof Experiment>, Web.ExperimentBody>,
  Fits<Static<ReturnType<typeof PageOf<typeof Experiment>>>, Web.Page<Web.ExperimentBody>>,
  Fits<Static<ReturnType<typeof PageOf<typeof Dataset>>>, Web.Page<Web.DatasetBody>>,
  Fits<Static<ReturnType<typeof PageOf<typeof RunSummary>>>, Web.Page<Web.RunSummaryBody>>,
  Fits<Static<typeof RunSummary>, Web.RunSummaryBody>,
  Fits<Static<typeof RunStatusBody>, Web.RunStatusResponse>,
  Fits<Static<typeof RunMetrics>, Web.RunMetricsBody>,
  Fits<Static<typeof RunImportance>, Web.RunImportanceBody>,
  Fits<Static<typeof RunDeleted>, Web.RunDeletedBody>,
  Fits<Static<typeof ModelCatalogue>, Web.CatalogueBody>,
  Fits<Static<typeof TrainAccepted>, Web.TrainAcceptedBody>,
];

/** The train body refuses unknown fields (additionalProperties: false), so every field sent must be one it knows. */
type KnownFields<Sent, Accepted> = Exclude<keyof Sent, keyof Accepted> extends never ? true : never;

export type ApiAcceptsWhatTheDashboardSends = [
  Fits<Web.TrainRequestBody, Static<typeof TrainBody>>,
  Fits<true, KnownFields<Web.TrainRequestBody, Static<typeof TrainBody>>>,
];
