import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './routes.js';

describe('routes', () => {
  const routes: Route[] = [
    { page: 'sign-in' },
    { page: 'experiments' },
    { page: 'experiment', experimentId: 'e1' },
    { page: 'new-run', experimentId: 'e1' },
    { page: 'run', experimentId: 'e1', runId: 'r1' },
    { page: 'compare', experimentId: 'e1', runIds: ['r1', 'r2'] },
    { page: 'datasets' },
    { page: 'dataset', datasetId: 'd1' },
  ];

  it('parses every page back from its link', () => {
    for (const route of routes) {
      const [path, search] = hrefOf(route).split('?');
      expect(parseRoute(path, search ? `?${search}` : '')).toEqual(route);
    }
  });

  it('treats / as the experiments list, ignores a trailing slash and decodes ids', () => {
    expect(parseRoute('/')).toEqual({ page: 'experiments' });
    expect(parseRoute('/datasets/')).toEqual({ page: 'datasets' });
    expect(parseRoute('/experiments/a%20b')).toEqual({ page: 'experiment', experimentId: 'a b' });
    expect(parseRoute('/experiments/e1/compare')).toEqual({ page: 'compare', experimentId: 'e1', runIds: [] });
  });

  it('sends anything else to the not-found page', () => {
    expect(parseRoute('/experiments/e1/runs')).toEqual({ page: 'not-found', path: '/experiments/e1/runs' });
    expect(parseRoute('/nope')).toEqual({ page: 'not-found', path: '/nope' });
  });
});
