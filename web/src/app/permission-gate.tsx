import { lazy, type ReactNode } from 'react';
import { canOpen } from './auth/session.ts';
import { useMe } from './auth/me-context.ts';
import type { PageDef } from './pages.tsx';

const ForbiddenPage = lazy(() => import('./forbidden-page.tsx'));

/** Shows the page only to a user holding its permission (or one of them); anyone else is told so. */
export function PermissionGate({
  permission,
  children,
}: {
  permission: PageDef['permission'];
  children: ReactNode;
}) {
  const me = useMe();
  if (canOpen(me, permission)) return children;
  return <ForbiddenPage />;
}
