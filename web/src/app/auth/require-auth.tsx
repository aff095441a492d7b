import { useQuery } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorResult } from '../../components/error-result.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { currentLanguage, fromServerLocale, setLanguage } from '../i18n.ts';
import { MeContext } from './me-context.ts';
import { meQuery, setupQuery, sessionEndReason } from './session.ts';

/** Where to come back to after signing in: the path the person was on. */
export function loginPath(location: { pathname: string; search: string }): string {
  const here = location.pathname + location.search;
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

type Props = {
  children: ReactNode;
  /** The forced change-password page is the one place a user with a reset password may be. */
  allowPasswordChange?: boolean;
};

/**
 * The gate in front of every signed-in page: first-run set-up when the
 * installation is empty, the login page when nobody is signed in, the
 * change-password page while a reset password is pending.
 */
export function RequireAuth({ children, allowPasswordChange = false }: Props) {
  const location = useLocation();
  const setup = useQuery(setupQuery);
  const me = useQuery(meQuery);
  const accountLanguage = me.data ? fromServerLocale(me.data.user.locale) : null;
  // The language saved on the account wins over this browser's, so it
  // follows the user from the office PC to their phone.
  useEffect(() => {
    if (accountLanguage && accountLanguage !== currentLanguage()) void setLanguage(accountLanguage);
  }, [accountLanguage]);

  if (setup.isPending || me.isPending) return <PageLoading />;
  if (setup.isError)
    return <ErrorResult error={setup.error} onRetry={() => void setup.refetch()} />;
  if (setup.data.needsSetup) return <Navigate to="/setup" replace />;
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    // After "sign out" the next person starts at home, not on the last page.
    const reason = sessionEndReason();
    if (reason === 'signed-out') return <Navigate to="/login" replace />;
    return <Navigate to={loginPath(location)} replace state={{ expired: reason === 'expired' }} />;
  }
  if (me.data.user.mustChangePassword && !allowPasswordChange) {
    return <Navigate to="/change-password" replace />;
  }
  if (!me.data.user.mustChangePassword && allowPasswordChange) return <Navigate to="/" replace />;
  return <MeContext value={me.data}>{children}</MeContext>;
}
