import { ErrorScreen } from '../components/ui/states.js';
import { ApiError } from '../lib/api-error.js';
import { Link, useNavigation } from './router.js';

export function NotFoundPage() {
  const { route } = useNavigation();
  const path = route.page === 'not-found' ? route.path : '';
  return (
    <ErrorScreen
      error={new ApiError(404, `There is no page at ${path}.`)}
      back={
        <Link className="button" to={{ page: 'experiments' }}>
          Go to experiments
        </Link>
      }
    />
  );
}
