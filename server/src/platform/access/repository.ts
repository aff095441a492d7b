import type { Selectable } from 'kysely';
import type { DbOrTx } from '../db/connect.ts';
import { readJson } from '../db/dialect.ts';
import type { RolesTable } from './tables.ts';

export type Role = {
  id: string;
  key: string;
  name: string;
  description: string | null;
  permissions: string[];
  builtin: boolean;
  createdAt: string;
  updatedAt: string;
};

export function roleFromRow(row: Selectable<RolesTable>): Role {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    permissions: readJson<string[]>(row.permissions),
    builtin: row.builtin === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A user's grants with their role's permissions, in one query. */
export async function loadGrantRows(db: DbOrTx, orgId: string, userId: string) {
  const rows = await db
    .selectFrom('user_roles as g')
    .innerJoin('roles as r', 'r.id', 'g.role_id')
    .select(['g.site_id', 'r.permissions'])
    .where('g.org_id', '=', orgId)
    .where('g.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ siteId: r.site_id, permissions: readJson<string[]>(r.permissions) }));
}

export async function listRoles(db: DbOrTx, orgId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('roles')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('builtin', 'desc')
    .orderBy('key')
    .execute();
  return rows.map(roleFromRow);
}

/** How many accounts hold each role (at any scope); roles nobody holds are absent. */
export async function countRoleHolders(db: DbOrTx, orgId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('user_roles')
    .select((eb) => ['role_id', eb.fn.count<number>('user_id').distinct().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('role_id')
    .execute();
  return new Map(rows.map((r) => [r.role_id, Number(r.n)]));
}

export async function findRole(db: DbOrTx, orgId: string, id: string): Promise<Role | undefined> {
  const row = await db
    .selectFrom('roles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && roleFromRow(row);
}

export async function findRoleByKey(
  db: DbOrTx,
  orgId: string,
  key: string,
): Promise<Role | undefined> {
  const row = await db
    .selectFrom('roles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row && roleFromRow(row);
}

export type Grant = {
  id: string;
  userId: string;
  roleId: string;
  roleKey: string;
  roleName: string;
  siteId: string | null;
  createdAt: string;
};

export async function listGrants(
  db: DbOrTx,
  orgId: string,
  userIds: readonly string[],
): Promise<Grant[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles as g')
    .innerJoin('roles as r', 'r.id', 'g.role_id')
    .select(['g.id', 'g.user_id', 'g.role_id', 'g.site_id', 'g.created_at', 'r.key', 'r.name'])
    .where('g.org_id', '=', orgId)
    .where('g.user_id', 'in', userIds)
    .orderBy('g.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    roleId: r.role_id,
    roleKey: r.key,
    roleName: r.name,
    siteId: r.site_id,
    createdAt: r.created_at,
  }));
}
