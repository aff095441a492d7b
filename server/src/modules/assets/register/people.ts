import { z } from 'zod';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import { containsText } from '../../../platform/db/dialect.ts';
import { forbidden } from '../../../platform/errors.ts';
import { AssetsP } from '../policy.ts';

export const AssetPeopleQuery = z.strictObject({
  /** Name, staff number or phone contains this; empty: the first people by name. */
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const AssetPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  employeeNo: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
});

/**
 * Sites whose people a user may look up for asset operations: where they
 * manage or approve assets. An approver granted at one site decides who pays
 * for a damaged asset without holding people:read for the whole organisation.
 */
function lookupSites(actor: Actor): 'all' | string[] {
  const scopes = [AssetsP.manage, AssetsP.approve].map((p) => actor.access.siteScope(p));
  if (scopes.includes('all')) return 'all';
  return [...new Set(scopes.flatMap((s) => s as readonly string[]))];
}

/**
 * Active people of departments at the user's sites, of departments without a
 * site (shared services) and without a department, by name, staff number or
 * phone (mirrors maintenance's caller lookup). 403 without assets:manage or
 * assets:approve at some site.
 */
export async function searchAssetPeople(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  query: { q?: string | undefined; limit: number },
) {
  const sites = lookupSites(actor);
  if (sites !== 'all' && sites.length === 0) throw forbidden();
  const q = query.q ?? '';
  let people = db
    .selectFrom('people as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .select([
      'p.id',
      'p.name',
      'p.employee_no as employeeNo',
      'p.department_id as departmentId',
      'd.name as departmentName',
    ])
    .where('p.org_id', '=', actor.orgId)
    .where('p.active', '=', 1)
    .where('p.deleted_at', 'is', null);
  if (sites !== 'all')
    people = people.where((eb) =>
      eb.or([eb('d.site_id', 'is', null), eb('d.site_id', 'in', sites)]),
    );
  if (q)
    people = people.where((eb) =>
      eb.or([
        containsText(dialect, 'p.name', q),
        containsText(dialect, 'p.employee_no', q),
        containsText(dialect, 'p.phone', q),
      ]),
    );
  return people.orderBy('p.name').orderBy('p.id').limit(query.limit).execute();
}
