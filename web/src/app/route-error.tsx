import { lazy, Suspense } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorResult } from '../components/error-result.tsx';

const NotFoundPage = lazy(() => import('./not-found-page.tsx'));

/**
 * The error boundary of every route: a page that throws (a failed request
 * it did not handle, a chunk that no longer exists after an upgrade, a bug)
 * shows what happened and the request id instead of a blank screen.
 */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Suspense>
        <NotFoundPage />
      </Suspense>
    );
  }
  return <ErrorResult error={error} />;
}
