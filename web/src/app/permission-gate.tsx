import { lazy, type ReactNode } from 'react';
import { can } from './auth/session.ts';
import { useMe } from './auth/me-context.ts';
import type { PagePermission } from './pages.tsx';

const ForbiddenPage = lazy(() => import('./forbidden-page.tsx'));

/** Shows the page only to a user holding its permission; anyone else is told so. */
export function PermissionGate({
  permission,
  children,
}: {
  permission: PagePermission | undefined;
  children: ReactNode;
}) {
  const me = useMe();
  if (!permission || can(me, permission.permission, permission.scope)) return children;
  return <ForbiddenPage />;
}
