import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../app/api.ts';
import { useMe } from '../../../app/auth/me-context.ts';
import { can } from '../../../app/auth/session.ts';
import type { ApiResponse } from '../../../app/api-models.ts';

/*
 * Reference lists for the dispatch filters and the assign dialog. Each asks
 * only when the user may read it, so a dispatcher without an optional
 * permission sees fewer filters instead of a page of 403 errors.
 */

const STALE = 5 * 60_000;

export function useCategories() {
  return useQuery({
    queryKey: ['maintenance', 'categories'],
    queryFn: () => unwrap(api.GET('/api/maintenance/categories')),
    staleTime: STALE,
  });
}

export function usePriorities() {
  return useQuery({
    queryKey: ['maintenance', 'priorities'],
    queryFn: () => unwrap(api.GET('/api/maintenance/priorities')),
    staleTime: STALE,
  });
}

/** Buildings of one site (the building filter only makes sense once a site is chosen). */
export function useBuildings(siteId: string | undefined) {
  const me = useMe();
  return useQuery({
    queryKey: ['locations', 'buildings', siteId],
    queryFn: () =>
      unwrap(
        api.GET('/api/locations', {
          params: { query: { siteId, type: 'building', sort: 'sortOrder', pageSize: 200 } },
        }),
      ),
    enabled: !!siteId && can(me, 'locations:read', 'site'),
    staleTime: STALE,
  });
}

export function useDepartments() {
  const me = useMe();
  return useQuery({
    queryKey: ['departments', 'all-active'],
    queryFn: () =>
      unwrap(api.GET('/api/departments', { params: { query: { active: 'true', pageSize: 200 } } })),
    enabled: can(me, 'departments:read'),
    staleTime: STALE,
  });
}

export type Team = ApiResponse<'/api/maintenance/teams', 'get'>[number];

/** Active teams serving a site (or every site); all active teams when no site is given. */
export function useTeams(siteId: string | undefined) {
  const me = useMe();
  return useQuery({
    queryKey: ['maintenance', 'teams', 'active'],
    queryFn: () =>
      unwrap(api.GET('/api/maintenance/teams', { params: { query: { active: 'true' } } })),
    enabled: can(me, 'maintenance:dispatch', 'site') || can(me, 'maintenance:manage', 'site'),
    staleTime: 60_000,
    select: (teams: Team[]) =>
      teams.filter((t) => !siteId || t.siteId === null || t.siteId === siteId),
  });
}

export type Technician = { id: string; name: string };

/**
 * People who may be assigned work at a site: the active members of the teams
 * serving it, and (for those who may read accounts — the built-in dispatcher
 * may not) every account holding a role with maintenance:work there.
 */
export function useTechnicians(siteId: string | undefined) {
  const teams = useTeams(siteId);
  const accounts = useWorkAccounts(siteId);
  const byId = new Map<string, Technician>();
  for (const t of teams.data ?? [])
    for (const m of t.members)
      if (m.active) byId.set(m.userId, { id: m.userId, name: m.displayName });
  for (const u of accounts.data ?? []) byId.set(u.id, u);
  const data = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    data,
    isLoading: teams.isLoading || accounts.isLoading,
    isSuccess: (teams.isSuccess || !teams.isEnabled) && (accounts.isSuccess || !accounts.allowed),
  };
}

/** Accounts holding a role with maintenance:work at the site or organisation-wide (needs users:read). */
function useWorkAccounts(siteId: string | undefined) {
  const me = useMe();
  const allowed = can(me, 'users:read');
  const query = useQuery({
    queryKey: ['maintenance', 'technicians', siteId ?? null],
    enabled: allowed,
    staleTime: 60_000,
    queryFn: async (): Promise<Technician[]> => {
      const roles = await unwrap(api.GET('/api/roles'));
      const working = roles.filter((r) => r.permissions.includes('maintenance:work'));
      const pages = await Promise.all(
        working.map((r) =>
          unwrap(
            api.GET('/api/users', {
              params: {
                query: { roleId: r.id, active: 'true', sort: 'displayName', pageSize: 200, siteId },
              },
            }),
          ),
        ),
      );
      return pages.flatMap((p) => p.items).map((u) => ({ id: u.id, name: u.displayName }));
    },
  });
  return { ...query, allowed };
}
