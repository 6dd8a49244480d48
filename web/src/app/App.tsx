import { useEffect } from 'react';
import { SignInPage } from '../features/auth/SignInPage.js';
import { ComparePage } from '../features/compare/ComparePage.js';
import { DatasetPage } from '../features/datasets/DatasetPage.js';
import { DatasetsPage } from '../features/datasets/DatasetsPage.js';
import { ExperimentPage } from '../features/experiments/ExperimentPage.js';
import { ExperimentsPage } from '../features/experiments/ExperimentsPage.js';
import { NewRunPage } from '../features/runs/NewRunPage.js';
import { RunPage } from '../features/runs/RunPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RouterProvider, useNavigation } from './router.js';
import type { Route } from './routes.js';
import { SessionProvider, useSession } from './session.js';
import { Shell } from './Shell.js';

export function App() {
  return (
    <SessionProvider>
      <RouterProvider>
        <Pages />
      </RouterProvider>
    </SessionProvider>
  );
}

/** Signed out, every page shows the sign-in form; signed in, the sign-in path leads to the experiments. */
function Pages() {
  const { session } = useSession();
  const { route, navigate } = useNavigation();
  const signedIn = session !== null;
  useEffect(() => {
    if (!signedIn && route.page !== 'sign-in') navigate({ page: 'sign-in' }, { replace: true });
    if (signedIn && route.page === 'sign-in') navigate({ page: 'experiments' }, { replace: true });
  }, [signedIn, route.page, navigate]);
  if (!signedIn || route.page === 'sign-in') return <SignInPage />;
  return <Shell>{page(route)}</Shell>;
}

function page(route: Route) {
  switch (route.page) {
    case 'experiments':
      return <ExperimentsPage />;
    case 'experiment':
      return <ExperimentPage key={route.experimentId} experimentId={route.experimentId} />;
    case 'new-run':
      return <NewRunPage key={route.experimentId} experimentId={route.experimentId} />;
    case 'run':
      return <RunPage key={route.runId} experimentId={route.experimentId} runId={route.runId} />;
    case 'compare':
      return <ComparePage key={route.runIds.join()} experimentId={route.experimentId} runIds={route.runIds} />;
    case 'datasets':
      return <DatasetsPage />;
    case 'dataset':
      return <DatasetPage key={route.datasetId} datasetId={route.datasetId} />;
    case 'not-found':
    case 'sign-in':
      return <NotFoundPage />;
  }
}
