import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { usersHolding } from '../../../platform/access/holders.ts';
import { AssetsP } from '../policy.ts';

/** The person behind the signed-in account and their department (a department head's scope). */
export type Me = { userId: string | null; personId: string | null; departmentId: string | null };

export async function whoAmI(db: DbOrTx, actor: Actor): Promise<Me> {
  if (!actor.userId) return { userId: null, personId: null, departmentId: null };
  const row = await db
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .select(['users.person_id', 'people.department_id'])
    .where('users.org_id', '=', actor.orgId)
    .where('users.id', '=', actor.userId)
    .executeTakeFirst();
  return {
    userId: actor.userId,
    personId: row?.person_id ?? null,
    departmentId: row?.department_id ?? null,
  };
}

/** A person of the organisation (custodian, borrower, party who pays). */
export async function findPerson(db: DbOrTx, orgId: string, id: string) {
  const p = await db
    .selectFrom('people')
    .select(['id', 'name', 'department_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!p) throw notFound({ zh: '人员', en: 'Person' });
  return p;
}

export async function checkDepartment(db: DbOrTx, orgId: string, id: string): Promise<void> {
  const d = await db
    .selectFrom('departments')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound({ zh: '部门', en: 'Department' });
}

export async function checkSite(db: DbOrTx, orgId: string, id: string): Promise<void> {
  const s = await db
    .selectFrom('sites')
    .select(['id', 'active'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s || s.active !== 1) throw notFound({ zh: '院区', en: 'Site' });
}

/** A place of the location tree, which must lie at the site the asset will be at. */
export async function checkLocation(
  db: DbOrTx,
  orgId: string,
  id: string,
  siteId: string,
): Promise<void> {
  const l = await db
    .selectFrom('locations')
    .select(['id', 'site_id', 'active'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!l || l.active !== 1) throw notFound({ zh: '位置', en: 'Location' });
  if (l.site_id !== siteId)
    throw badRequest({
      zh: '存放位置不在资产所在（或调入）的院区',
      en: 'The place is not at the site the asset will be at',
    });
}

/** Active accounts linked to a person: the custodian who signs for an asset. */
export async function usersOfPerson(db: DbOrTx, orgId: string, personId: string) {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

/** Department heads (assets:sign at the site) of a department: who signs for the department. */
export async function departmentHeads(
  db: DbOrTx,
  orgId: string,
  departmentId: string,
  siteId: string,
): Promise<string[]> {
  const signers = await usersHolding(db, orgId, AssetsP.sign, siteId);
  if (signers.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('people', 'people.id', 'users.person_id')
    .select('users.id')
    .where('users.org_id', '=', orgId)
    .where('users.id', 'in', signers)
    .where('people.department_id', '=', departmentId)
    .execute();
  return rows.map((r) => r.id);
}
