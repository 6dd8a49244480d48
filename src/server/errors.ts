import type { FastifyError, FastifyInstance, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { InvalidHyperparameterError, InvalidTrainingDataError } from '../ml/index.js';
import { DatasetError, UploadTooLargeError } from '../datasets/dataset-error.js';
import { PredictInputError } from '../training/predict-input.js';
import { ModelUseError } from '../training/saved-model.js';
import { UncomputablePredictionError } from '../training/uncomputable-prediction.js';
import { WITHOUT_NUL } from './schemas/common.js';

/** An error with the HTTP status and the user-facing `detail` it answers with. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** The error catalogue: every `detail` text the API can answer with is made here. */
export const apiErrors = {
  notAuthenticated: () => new ApiError(401, 'Not authenticated'),
  invalidCredentials: () => new ApiError(401, 'Incorrect email or password'),
  invalidId: (field: string, value: string) => new ApiError(400, `Invalid ${field} format: ${value}`),
  notFound: (what: string, id: string) => new ApiError(404, `${what} with id ${id} not found`),
  forbidden: (detail: string) => new ApiError(403, detail),
  runNotCompleted: (status: string) => new ApiError(400, `Model run is not completed yet. Current status: ${status}`),
  noMetrics: () => new ApiError(404, 'No metrics available for this model run'),
  badRequest: (detail: string) => new ApiError(400, detail),
  emptyBody: (expected: string) => new ApiError(400, `The request body is empty: ${expected}`),
  unsupportedMediaType: (detail: string) => new ApiError(415, `Unsupported content type: ${detail}`),
  unacceptedBody: (type: string, accepted: string) =>
    new ApiError(415, `${type ? `Unsupported content type '${type}'` : 'No content type'}: send the body as ${accepted}`),
  conflict: (detail: string) => new ApiError(409, detail),
  tooManyActiveRuns: (limit: number) =>
    new ApiError(
      429,
      `You already have ${limit} runs pending or running (TRAINYARD_MAX_ACTIVE_RUNS_PER_USER); wait for one to finish or delete one`,
    ),
  deleteFailed: (reason: string) => new ApiError(500, `Failed to delete model run: ${reason}`),
};

/** JSON bodies are parsed on the event loop, so they get a limit of their own, far below uploads'. */
export const JSON_BODY_LIMIT_MB = 8;

export const FORBIDDEN_RUN_ACCESS = "You don't have permission to access this model run";
export const FORBIDDEN_RUN_DELETE = "You don't have permission to delete this model run";

/** The one place that turns errors into HTTP answers; 5xx never show internals. */
export function registerErrorHandler(app: FastifyInstance, maxUploadMb: number): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, detail } = isJsonTooLarge(error, request.headers['content-type'], request.routeOptions.url)
      ? { status: 413, detail: `The JSON body exceeds the ${JSON_BODY_LIMIT_MB} MB limit for JSON requests` }
      : toHttp(error, request, maxUploadMb);
    if (status >= 500 && !(error instanceof ApiError)) request.log.error({ err: error }, 'unhandled error');
    return reply.status(status).send({ detail });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ detail: `No route for ${request.method} ${request.url.split('?')[0]}` }),
  );
}

function toHttp(error: FastifyError, request: FastifyRequest, maxUploadMb: number): { status: number; detail: string } {
  if (error instanceof ApiError) return answer(error);
  if (
    error instanceof InvalidHyperparameterError ||
    error instanceof InvalidTrainingDataError ||
    error instanceof DatasetError ||
    error instanceof PredictInputError ||
    error instanceof ModelUseError
  ) {
    return { status: 400, detail: error.message };
  }
  if (error instanceof UncomputablePredictionError) return { status: 422, detail: error.message };
  if (error instanceof UploadTooLargeError) return tooLarge(maxUploadMb);
  if (error.validation) return { status: 400, detail: validationDetail(error) };
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxUploadMb);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return answer(apiErrors.unacceptedBody(mediaType(request), request.routeOptions.config?.accepts ?? 'application/json'));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return answer(apiErrors.emptyBody('expected JSON'));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, detail: error.message };
  }
  return { status: 500, detail: 'Internal server error' };
}

/** "text/plain" of "Text/Plain; charset=UTF-8"; empty when the request names none. */
export function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function answer(error: ApiError): { status: number; detail: string } {
  return { status: error.statusCode, detail: error.detail };
}

function isJsonTooLarge(error: FastifyError, contentType: string | undefined, route: string | undefined): boolean {
  const json = (contentType ?? '').startsWith('application/json');
  return error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && json && route !== '/api/v1/datasets';
}

function tooLarge(maxUploadMb: number): { status: number; detail: string } {
  return { status: 413, detail: `Upload exceeds the ${maxUploadMb} MB limit (TRAINYARD_MAX_UPLOAD_MB)` };
}

/** "body/test_size must be < 1": where the bad value is, and what was expected. */
function validationDetail(error: FastifyError): string {
  const reported = reportedFailure(error.validation!);
  const where = `${error.validationContext ?? 'request'}${reported.instancePath || ''}`;
  const params = reported.params as Record<string, unknown>;
  if (reported.keyword === 'required') return `${where}/${String(params.missingProperty)} is required`;
  if (reported.keyword === 'additionalProperties') return `${where}/${String(params.additionalProperty)} is not an allowed field`;
  if (reported.keyword === 'enum') return `${where} must be one of: ${allowed(params.allowedValues as unknown[])}`;
  if (reported.keyword === 'pattern' && params.pattern === WITHOUT_NUL) return `${where} must not contain the NUL character (U+0000)`;
  return `${where} ${reported.message ?? 'is invalid'}`;
}

/**
 * The failure worth naming. Ajv reports a failed union (anyOf) after the failure of every branch:
 * a union of literals is named by its values, and a nullable value by its non-null branch's failure
 * ("must NOT have fewer than 1 items", not "must be null").
 */
function reportedFailure(errors: FastifySchemaValidationError[]): FastifySchemaValidationError {
  const union = errors[errors.length - 1];
  if (union.keyword !== 'anyOf') return errors[0];
  const branches = errors.filter((e) => e !== union && e.schemaPath.startsWith(`${union.schemaPath}/`));
  const literals = branches.filter((e) => e.keyword === 'const' && e.instancePath === union.instancePath);
  if (literals.length > 0 && literals.length === branches.length) {
    const values = literals.map((e) => (e.params as { allowedValue: unknown }).allowedValue);
    return { ...union, message: `must be one of: ${allowed(values)}` };
  }
  const meant = branches.filter((e) => !(e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null' && e.instancePath === union.instancePath));
  return meant.length > 0 ? reportedFailure(meant) : union;
}

function allowed(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
