import type { Me } from '../../app/api-models.ts';

/**
 * The permissions among `permissions` the signed-in user does not hold at
 * that scope (null: the whole organisation), mirroring the server's
 * `Access.missing`: nobody hands out more than they hold. The server checks
 * again; this only spares the user an answer they can predict.
 */
export function missingPermissions(me: Me, permissions: readonly string[], siteId: string | null) {
  const held = new Map(me.permissions.map((p) => [p.permission, p]));
  return permissions.filter((p) => {
    const grant = held.get(p);
    if (!grant) return true;
    if (grant.orgWide) return false;
    return siteId === null || !grant.sites.includes(siteId);
  });
}
