import type { DbOrTx } from '../db/connect.ts';
import { readJson } from '../db/dialect.ts';

/**
 * Active users holding a permission at a site (org-wide grants included):
 * whom to tell about an overdue order at the West campus. Roles are few per
 * organisation, so they are filtered here rather than in SQL over JSON.
 */
export async function usersHolding(
  db: DbOrTx,
  orgId: string,
  permission: string,
  siteId: string | null,
): Promise<string[]> {
  const roles = await db
    .selectFrom('roles')
    .select(['id', 'permissions'])
    .where('org_id', '=', orgId)
    .execute();
  const roleIds = roles
    .filter((r) => readJson<string[]>(r.permissions).includes(permission))
    .map((r) => r.id);
  if (roleIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .distinct()
    .where('g.org_id', '=', orgId)
    .where('g.role_id', 'in', roleIds)
    .where('u.active', '=', 1)
    .where((eb) =>
      siteId
        ? eb.or([eb('g.site_id', 'is', null), eb('g.site_id', '=', siteId)])
        : eb('g.site_id', 'is', null),
    )
    .execute();
  return rows.map((r) => r.user_id);
}
