import { api, unwrap } from '../../../app/api.ts';
import type { ApiResponse, Me } from '../../../app/api-models.ts';
import type { paths } from '../../../app/api-types.ts';

export type Location = ApiResponse<'/api/locations/{id}', 'get'>;
export type LocationType = Location['type'];
/** The types in their usual order (the API's LOCATION_TYPES, without loading zod here). */
export const LOCATION_TYPES: readonly LocationType[] = ['building', 'floor', 'room', 'area'];
export type Site = ApiResponse<'/api/sites', 'get'>[number];
export type LocationQuery = NonNullable<paths['/api/locations']['get']['parameters']['query']>;

/** Cache keys: every location query starts with 'locations' so one invalidation refreshes all. */
export const locationKeys = {
  all: ['locations'] as const,
  one: (id: string) => ['locations', 'one', id] as const,
  list: (siteId: string) => ['locations', 'list', siteId] as const,
};

/** Holds `permission` at this site (org-wide grants count everywhere), as the server's `hasAt`. */
export function canAt(me: Me, permission: string, siteId: string | undefined): boolean {
  const grant = me.permissions.find((p) => p.permission === permission);
  if (!grant || !siteId) return false;
  return grant.orgWide || grant.sites.includes(siteId);
}

/** The path above a location: "门诊楼 / 3F" for "门诊楼 / 3F / 301". */
export function parentPath(l: Pick<Location, 'path' | 'name'>): string {
  const parts = l.path.split(' / ');
  return parts.slice(0, -1).join(' / ');
}

/** What the QR code on a location's label opens: the landing page, on the scanning phone. */
export const qrUrl = (token: string) => `${window.location.origin}/r/${token}`;

const PAGE = 200;

/** Every location a filter matches, 200 at a time (the API's largest page). */
export async function fetchAllLocations(query: LocationQuery): Promise<Location[]> {
  const out: Location[] = [];
  for (let page = 1; ; page++) {
    const res = await unwrap(
      api.GET('/api/locations', { params: { query: { ...query, page, pageSize: PAGE } } }),
    );
    out.push(...res.items);
    if (out.length >= res.total || res.items.length < PAGE) return out;
  }
}
