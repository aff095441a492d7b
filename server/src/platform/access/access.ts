import { forbidden } from '../errors.ts';
import { expandPatterns } from './permissions.ts';

/** Where a user holds a permission: across the organisation, or at some sites only. */
export type Grant = { orgWide: boolean; sites: ReadonlySet<string> };

/** All sites, or a list of site ids, for scoping list queries. */
export type SiteScope = 'all' | readonly string[];

/**
 * A signed-in user's effective permissions, resolved from their role grants.
 * Services ask it questions; routes declare the coarse permission and the
 * HTTP layer checks `has` before the handler runs.
 */
export class Access {
  constructor(private readonly grants: ReadonlyMap<string, Grant>) {}

  static none(): Access {
    return new Access(new Map());
  }

  /** Every permission in the catalogue, organisation-wide: the system's own jobs, seeds and set-up. */
  static all(): Access {
    return accessFromGrants([{ permissions: expandPatterns(['*']), siteId: null }]);
  }

  /** The permissions among `permissions` that this user does not hold at that scope (null: the whole organisation). */
  missing(permissions: readonly string[], siteId: string | null): string[] {
    return permissions.filter((p) =>
      siteId === null ? !this.hasOrgWide(p) : !this.hasAt(p, siteId),
    );
  }

  /** Holds the permission somewhere (org-wide or at one site at least). */
  has(permission: string): boolean {
    const g = this.grants.get(permission);
    return !!g && (g.orgWide || g.sites.size > 0);
  }

  /** Holds the permission for this site (org-wide grants cover every site). */
  hasAt(permission: string, siteId: string | null | undefined): boolean {
    const g = this.grants.get(permission);
    if (!g) return false;
    if (g.orgWide) return true;
    return siteId ? g.sites.has(siteId) : false;
  }

  hasOrgWide(permission: string): boolean {
    return this.grants.get(permission)?.orgWide ?? false;
  }

  /** Sites whose records this permission lets the user see. */
  siteScope(permission: string): SiteScope {
    const g = this.grants.get(permission);
    if (!g) return [];
    return g.orgWide ? 'all' : [...g.sites];
  }

  require(permission: string, siteId?: string | null): void {
    const ok = siteId === undefined ? this.has(permission) : this.hasAt(permission, siteId);
    if (!ok) throw forbidden();
  }

  list(): { permission: string; orgWide: boolean; sites: string[] }[] {
    return [...this.grants.entries()]
      .map(([permission, g]) => ({ permission, orgWide: g.orgWide, sites: [...g.sites] }))
      .sort((a, b) => a.permission.localeCompare(b.permission));
  }
}

/** Builds an Access from (role permissions, site) pairs; a null site means the whole organisation. */
export function accessFromGrants(rows: { permissions: string[]; siteId: string | null }[]): Access {
  const map = new Map<string, { orgWide: boolean; sites: Set<string> }>();
  for (const row of rows) {
    for (const p of row.permissions) {
      const g = map.get(p) ?? { orgWide: false, sites: new Set<string>() };
      if (row.siteId === null) g.orgWide = true;
      else g.sites.add(row.siteId);
      map.set(p, g);
    }
  }
  return new Access(map);
}
