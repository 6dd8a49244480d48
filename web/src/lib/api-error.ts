/** A failed API call: the HTTP status and the API's `detail` (or what went wrong on the way). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** Status 0 marks a request that never got an answer (server down, network gone). */
export const NETWORK_FAILURE = 0;

/** Builds the error from an answer's body: every API error is `{detail}`; anything else is summarised by status. */
export function errorFromBody(status: number, bodyText: string): ApiError {
  try {
    const body = JSON.parse(bodyText) as { detail?: unknown };
    if (typeof body.detail === 'string') return new ApiError(status, body.detail);
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the status line.
  }
  return new ApiError(status, `The server answered ${status}`);
}

export function networkError(): ApiError {
  return new ApiError(NETWORK_FAILURE, 'Could not reach the Trainyard server. Is it running?');
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(NETWORK_FAILURE, error instanceof Error ? error.message : String(error));
}
