import { useQuery } from '@tanstack/react-query';
import { useContext, useSyncExternalStore } from 'react';
import { api, unwrap } from './api.ts';
import type { ApiResponse } from './api-models.ts';
import { MeContext } from './auth/me-context.ts';
import { can } from './auth/session.ts';

export type Site = ApiResponse<'/api/sites', 'get'>[number];

const KEY = 'houqin.site';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Sites the signed-in user may see (all of them for org-wide grants). */
export const sitesQueryKey = ['sites'] as const;
export function useSites(enabled = true) {
  // Only for those who may list sites: anyone else would get a 403 on every page.
  const me = useContext(MeContext);
  const allowed = !!me && can(me, 'org:read', 'site');
  return useQuery({
    queryKey: sitesQueryKey,
    queryFn: () => unwrap(api.GET('/api/sites')),
    staleTime: 60_000,
    enabled: enabled && allowed,
  });
}

/**
 * The site (院区/校区) the person works in now, chosen in the header and
 * remembered in this browser. Lists that filter by site start from it;
 * `null` = all sites the user may see.
 */
export function useSiteChoice(): [string | null, (siteId: string | null) => void] {
  const stored = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    read,
    () => null,
  );
  const sites = useSites().data;
  // A remembered site the user no longer sees (grant revoked, site closed) is no choice.
  const current = stored && sites && !sites.some((s) => s.id === stored) ? null : stored;
  return [current, setSiteChoice];
}

export function setSiteChoice(siteId: string | null): void {
  try {
    if (siteId) localStorage.setItem(KEY, siteId);
    else localStorage.removeItem(KEY);
  } catch {
    // not remembered; nothing else to do
  }
  for (const l of listeners) l();
}
