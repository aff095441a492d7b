import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api.ts';
import { useMe } from '../../app/auth/me-context.ts';
import { can } from '../../app/auth/session.ts';
import { useSites } from '../../app/site-choice.ts';
import { PERMISSIONS_KEY, ROLES_KEY } from './keys.ts';
import type { Role } from './models.ts';

/** Every role of the organisation (a few dozen at most: the API answers them all at once). */
export function useRoles() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: () => unwrap(api.GET('/api/roles')),
    staleTime: 30_000,
  });
}

/** The permission catalogue with its Chinese and English labels. */
export function usePermissions() {
  return useQuery({
    queryKey: PERMISSIONS_KEY,
    queryFn: () => unwrap(api.GET('/api/permissions')),
    staleTime: Infinity,
  });
}

/**
 * A role's name in the reader's language. Built-in roles keep their English
 * name in `description` (the server writes both from code); custom roles have
 * the one name their author gave them.
 */
export function useRoleName(): (role: Pick<Role, 'name' | 'description' | 'builtin'>) => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (role) => (en && role.builtin && role.description ? role.description : role.name);
}

/**
 * Site names by id, for grants shown as "维修工 · 西院区". Account managers
 * without `org:read` cannot list sites; their grants show the site's id.
 */
export function useSiteNames() {
  const me = useMe();
  const sites = useSites(can(me, 'org:read', 'site'));
  const byId = useMemo(() => new Map((sites.data ?? []).map((s) => [s.id, s.name])), [sites.data]);
  return { sites: sites.data ?? [], byId };
}
