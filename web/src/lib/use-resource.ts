import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { asApiError, type ApiError } from './api-error.js';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

interface ResourceOptions<T> {
  /** Milliseconds until the data is fetched again (live progress), or null to stop refreshing. */
  refreshAfter?: (data: T) => number | null;
}

/**
 * Loads data for a page and keeps its state: loading, the API's error, or the data. A refresh keeps
 * showing the old data until the new arrives, so a live table never flashes a spinner.
 */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList, options: ResourceOptions<T> = {}) {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  useEffect(() => {
    setResource({ status: 'loading' });
  }, deps);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchOnce = () => {
      loadRef.current().then(
        (data) => {
          if (cancelled) return;
          setResource({ status: 'ready', data });
          const delay = optionsRef.current.refreshAfter?.(data) ?? null;
          if (delay !== null) timer = setTimeout(fetchOnce, delay);
        },
        (error: unknown) => {
          if (!cancelled) setResource({ status: 'error', error: asApiError(error) });
        },
      );
    };
    fetchOnce();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { resource, reload };
}
