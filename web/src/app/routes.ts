/** Every page of the dashboard and the URL it lives at. Paths are the API's ids, so a link can be shared. */
export type Route =
  | { page: 'sign-in' }
  | { page: 'experiments' }
  | { page: 'experiment'; experimentId: string }
  | { page: 'new-run'; experimentId: string }
  | { page: 'run'; experimentId: string; runId: string }
  | { page: 'compare'; experimentId: string; runIds: string[] }
  | { page: 'datasets' }
  | { page: 'dataset'; datasetId: string }
  | { page: 'not-found'; path: string };

const SEGMENT = '([^/]+)';
const PATTERNS: Array<[RegExp, (parts: string[], search: URLSearchParams) => Route]> = [
  [/^\/sign-in$/, () => ({ page: 'sign-in' })],
  [/^\/(?:experiments)?$/, () => ({ page: 'experiments' })],
  [new RegExp(`^/experiments/${SEGMENT}$`), ([experimentId]) => ({ page: 'experiment', experimentId })],
  [new RegExp(`^/experiments/${SEGMENT}/new-run$`), ([experimentId]) => ({ page: 'new-run', experimentId })],
  [new RegExp(`^/experiments/${SEGMENT}/runs/${SEGMENT}$`), ([experimentId, runId]) => ({ page: 'run', experimentId, runId })],
  [
    new RegExp(`^/experiments/${SEGMENT}/compare$`),
    ([experimentId], search) => ({ page: 'compare', experimentId, runIds: (search.get('runs') ?? '').split(',').filter(Boolean) }),
  ],
  [/^\/datasets$/, () => ({ page: 'datasets' })],
  [new RegExp(`^/datasets/${SEGMENT}$`), ([datasetId]) => ({ page: 'dataset', datasetId })],
];

export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const params = new URLSearchParams(search);
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(path);
    if (match) return build(match.slice(1).map(decodeURIComponent), params);
  }
  return { page: 'not-found', path: pathname };
}

const id = encodeURIComponent;

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'sign-in':
      return '/sign-in';
    case 'experiments':
      return '/experiments';
    case 'experiment':
      return `/experiments/${id(route.experimentId)}`;
    case 'new-run':
      return `/experiments/${id(route.experimentId)}/new-run`;
    case 'run':
      return `/experiments/${id(route.experimentId)}/runs/${id(route.runId)}`;
    case 'compare':
      return `/experiments/${id(route.experimentId)}/compare?runs=${route.runIds.map(id).join(',')}`;
    case 'datasets':
      return '/datasets';
    case 'dataset':
      return `/datasets/${id(route.datasetId)}`;
    case 'not-found':
      return route.path;
  }
}
