import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api.ts';
import type { Me } from '../api-models.ts';

export const ME_KEY = ['me'] as const;
export const SETUP_KEY = ['setup'] as const;

/** Who is signed in; `null` when nobody is (the server answered 401). */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await unwrap(api.GET('/api/me'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 60_000,
});

/** Whether this installation still needs its first-run set-up. */
export const setupQuery = queryOptions({
  queryKey: SETUP_KEY,
  queryFn: () => unwrap(api.GET('/api/setup')),
  staleTime: Infinity,
});

/** Why nobody is signed in any more: the session ran out, or the person signed out. */
let endReason: 'expired' | 'signed-out' | null = null;

/**
 * Called for every failed query or mutation: a 401 from any call but the
 * sign-in itself means the session ended (expired, revoked, signed out in
 * another tab). Forgetting the user sends the guard to the login page, which
 * brings the person back to the same page afterwards.
 */
export function handleUnauthorized(client: QueryClient, error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401) return;
  if (client.getQueryData(ME_KEY)) {
    endReason = 'expired';
    client.setQueryData(ME_KEY, null);
  }
}

/** How the last session ended, until the next sign-in. */
export function sessionEndReason(): 'expired' | 'signed-out' | null {
  return endReason;
}

export function clearSessionEndReason(): void {
  endReason = null;
}

/** Signs out, then forgets every cached answer so the next person sees none of it. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => {
      endReason = 'signed-out';
      // Forgetting the user (rather than clearing the cache, which would cut
      // the guard off from the query it watches) sends the guard to login.
      client.setQueryData(ME_KEY, null);
      client.removeQueries({
        predicate: (q) => q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== SETUP_KEY[0],
      });
    },
  });
}

/** May `me` open a page that declares `permission` (any one of a list will do)? */
export function canOpen(
  me: Me,
  permission:
    | { permission: string; scope?: 'org' | 'site' }
    | readonly { permission: string; scope?: 'org' | 'site' }[]
    | undefined,
): boolean {
  if (!permission) return true;
  const anyOf = 'permission' in permission ? [permission] : permission;
  return anyOf.some((p) => can(me, p.permission, p.scope));
}

/** Permission check as the server's `Access.has` / `hasOrgWide`. */
export function can(me: Me, permission: string, scope: 'org' | 'site' = 'org'): boolean {
  const grant = me.permissions.find((p) => p.permission === permission);
  if (!grant) return false;
  return scope === 'site' ? grant.orgWide || grant.sites.length > 0 : grant.orgWide;
}
