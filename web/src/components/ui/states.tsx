import type { ReactNode } from 'react';
import { NETWORK_FAILURE, type ApiError } from '../../lib/api-error.js';
import type { Resource } from '../../lib/use-resource.js';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state--empty">
      <div className="state__icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6">
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <path d="M3 9h18M8 14h8" />
        </svg>
      </div>
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

const HEADINGS: Record<number, string> = {
  [NETWORK_FAILURE]: 'The server could not be reached',
  400: 'That request was not accepted',
  403: 'You don’t have access to this',
  404: 'Not found',
  413: 'That file is too large',
};

/** An inline error: the API's own `detail`, under a heading that says what kind of failure it is. */
export function ErrorPanel({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="alert alert--error" role="alert">
      <strong>{HEADINGS[error.status] ?? 'Something went wrong'}</strong>
      <span className="alert__detail">{error.detail}</span>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A whole-page error: 403 and 404 get their own screens, the rest say what failed and offer a retry. */
export function ErrorScreen({ error, onRetry, back }: { error: ApiError; onRetry?: () => void; back?: ReactNode }) {
  const code = error.status === 403 || error.status === 404 ? error.status : null;
  return (
    <div className="error-screen" data-status={error.status}>
      {code && <div className="error-screen__code">{code}</div>}
      <h2>{HEADINGS[error.status] ?? 'Something went wrong'}</h2>
      <p className="error-screen__detail">{error.detail}</p>
      <div className="error-screen__actions">
        {onRetry && !code && (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        )}
        {back}
      </div>
    </div>
  );
}

/** Renders a resource's data, or its loading screen, or its error screen. */
export function Loaded<T>({
  resource,
  onRetry,
  back,
  loadingLabel,
  children,
}: {
  resource: Resource<T>;
  onRetry?: () => void;
  back?: ReactNode;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}) {
  if (resource.status === 'loading') return <Loading label={loadingLabel} />;
  if (resource.status === 'error') return <ErrorScreen error={resource.error} onRetry={onRetry} back={back} />;
  return <>{children(resource.data)}</>;
}
