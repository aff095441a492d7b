import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoading } from '../components/page-loading.tsx';
import { RequireAuth } from './auth/require-auth.tsx';
import type { PageDef } from './page-def.ts';
import { PAGES } from './pages.tsx';
import { PermissionGate } from './permission-gate.tsx';
import { RouteError } from './route-error.tsx';

// The pages before sign-in and the signed-in shell are separate chunks, so
// the login page loads neither the layout nor any module.
const SetupPage = lazy(() => import('./auth/setup-page.tsx'));
const LoginPage = lazy(() => import('./auth/login-page.tsx'));
const ForcedPasswordPage = lazy(() => import('./auth/forced-password-page.tsx'));
const AppLayout = lazy(() => import('./layout/app-layout.tsx'));
const NotFoundPage = lazy(() => import('./not-found-page.tsx'));

function Page({ page: P }: { page: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <P />
    </Suspense>
  );
}

const gated = (p: PageDef) => (
  <PermissionGate permission={p.permission}>
    <p.page />
  </PermissionGate>
);

const appPages: RouteObject[] = PAGES.filter((p) => !p.bare).map((p) => ({
  ...(p.path === '' ? { index: true } : { path: p.path }),
  element: gated(p),
  errorElement: <RouteError />,
}));

// Bare pages (print sheets, the QR landing page) are signed-in pages without the shell.
const barePages: RouteObject[] = PAGES.filter((p) => p.bare).map((p) => ({
  path: `/${p.path}`,
  element: (
    <RequireAuth>
      <Suspense fallback={<PageLoading />}>{gated(p)}</Suspense>
    </RequireAuth>
  ),
  errorElement: <RouteError />,
}));

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { path: '/setup', element: <Page page={SetupPage} /> },
      { path: '/login', element: <Page page={LoginPage} /> },
      {
        path: '/change-password',
        element: (
          <RequireAuth allowPasswordChange>
            <Page page={ForcedPasswordPage} />
          </RequireAuth>
        ),
      },
      ...barePages,
      {
        path: '/',
        element: (
          <RequireAuth>
            <Page page={AppLayout} />
          </RequireAuth>
        ),
        children: [...appPages, { path: '*', element: <NotFoundPage /> }],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
