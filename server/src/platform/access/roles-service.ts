import type { Actor } from '../context.ts';
import type { LocalizedText } from '../i18n.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { writeJson } from '../db/dialect.ts';
import { AppError, badRequest, conflict, isUniqueViolation, notFound } from '../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { newId } from '../ids.ts';
import { BUILTIN_ROLES } from './builtin-roles.ts';
import { expandPatterns, isKnownPermission } from './permissions.ts';
import * as repo from './repository.ts';
import { invalidateAccess } from './resolve.ts';

const ROLE = { zh: '角色', en: 'Role' };

/**
 * Writes the built-in roles of one organisation from code. Runs at setup and
 * at every start, so permissions added by new modules reach the built-in
 * roles; custom roles are never touched.
 */
export async function syncBuiltinRoles(db: DbOrTx, orgId: string): Promise<void> {
  const now = new Date().toISOString();
  const existing = new Map((await repo.listRoles(db, orgId)).map((r) => [r.key, r]));
  for (const def of BUILTIN_ROLES) {
    const permissions = expandPatterns(def.patterns);
    const found = existing.get(def.key);
    if (!found) {
      await db
        .insertInto('roles')
        .values({
          id: newId(),
          org_id: orgId,
          key: def.key,
          name: def.name.zh,
          description: def.name.en,
          permissions: writeJson(permissions),
          builtin: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    } else if (found.builtin && found.permissions.join() !== permissions.join()) {
      await db
        .updateTable('roles')
        .set({ permissions: writeJson(permissions), updated_at: now })
        .where('id', '=', found.id)
        .execute();
    }
  }
  invalidateAccess();
}

/**
 * No one hands out more than they hold: a user who may manage accounts but is
 * not an administrator must not be able to create or grant an admin role.
 */
export function assertHolds(
  actor: Actor,
  permissions: readonly string[],
  siteId: string | null,
): void {
  const missing = actor.access.missing(permissions, siteId);
  if (missing.length) {
    throw new AppError(403, 'PRIVILEGE_ESCALATION', {
      zh: `不能授予自己没有的权限：${missing.join('、')}`,
      en: `You cannot hand out permissions you do not hold: ${missing.join(', ')}`,
    });
  }
}

function checkPermissions(permissions: string[]): void {
  const unknown = permissions.filter((p) => !isKnownPermission(p));
  if (unknown.length) {
    throw badRequest({
      zh: `未知的权限：${unknown.join('、')}`,
      en: `Unknown permissions: ${unknown.join(', ')}`,
    });
  }
}

export async function createRole(
  db: Db,
  actor: Actor,
  input: {
    key: string;
    name: string;
    description?: string | null | undefined;
    permissions: string[];
  },
): Promise<repo.Role> {
  checkPermissions(input.permissions);
  assertHolds(actor, input.permissions, null);
  const now = new Date().toISOString();
  const id = newId();
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('roles')
        .values({
          id,
          org_id: actor.orgId,
          key: input.key,
          name: input.name,
          description: input.description ?? null,
          permissions: writeJson([...new Set(input.permissions)].sort()),
          builtin: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'role',
        entityId: id,
        after: input,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict({ zh: `角色标识 ${input.key} 已存在`, en: `Role key ${input.key} exists` });
    throw err;
  }
  return (await repo.findRole(db, actor.orgId, id))!;
}

export async function updateRole(
  db: Db,
  actor: Actor,
  id: string,
  patch: {
    name?: string | undefined;
    description?: string | null | undefined;
    permissions?: string[] | undefined;
  },
): Promise<repo.Role> {
  if (patch.permissions) checkPermissions(patch.permissions);
  await db.transaction().execute(async (tx) => {
    const before = await editableRole(tx, actor, id, {
      zh: '内置角色不可修改，请复制为自定义角色',
      en: 'Built-in roles cannot be edited; copy it to a custom role',
    });
    if (patch.permissions) assertHolds(actor, patch.permissions, null);
    await tx
      .updateTable('roles')
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.permissions && {
          permissions: writeJson([...new Set(patch.permissions)].sort()),
        }),
        updated_at: new Date().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'role',
      entityId: id,
      before,
      after: patch,
    });
  });
  invalidateAccess();
  return (await repo.findRole(db, actor.orgId, id))!;
}

/** A custom role the actor may change: it exists, is not built in, and holds nothing the actor lacks. */
async function editableRole(tx: DbOrTx, actor: Actor, id: string, builtinText: LocalizedText) {
  const role = await repo.findRole(tx, actor.orgId, id);
  if (!role) throw notFound(ROLE);
  if (role.builtin) throw conflict(builtinText);
  assertHolds(actor, role.permissions, null);
  return role;
}

export async function deleteRole(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await editableRole(tx, actor, id, {
      zh: '内置角色不可删除',
      en: 'Built-in roles cannot be deleted',
    });
    await tx
      .deleteFrom('user_roles')
      .where('org_id', '=', actor.orgId)
      .where('role_id', '=', id)
      .execute();
    await tx.deleteFrom('roles').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
    await recordAudit(tx, actor, { action: 'delete', entityType: 'role', entityId: id, before });
  });
  invalidateAccess();
}

/** Grants a role to a user, for the whole organisation (siteId null) or one site. */
export async function grantRole(
  tx: DbOrTx,
  actor: Actor,
  input: { userId: string; roleId: string; siteId: string | null },
): Promise<string> {
  const role = await repo.findRole(tx, actor.orgId, input.roleId);
  if (!role) throw notFound(ROLE);
  assertHolds(actor, role.permissions, input.siteId);
  if (input.siteId !== null) {
    const site = await tx
      .selectFrom('sites')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', input.siteId)
      .executeTakeFirst();
    if (!site) throw notFound({ zh: '院区', en: 'Site' });
  }
  const existing = await tx
    .selectFrom('user_roles')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', input.userId)
    .where('role_id', '=', input.roleId)
    .where((eb) =>
      input.siteId === null ? eb('site_id', 'is', null) : eb('site_id', '=', input.siteId),
    )
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await tx
    .insertInto('user_roles')
    .values({
      id,
      org_id: actor.orgId,
      user_id: input.userId,
      role_id: input.roleId,
      site_id: input.siteId,
      created_at: new Date().toISOString(),
    })
    .execute();
  await recordAudit(tx, actor, {
    action: 'grant',
    entityType: 'user',
    entityId: input.userId,
    siteId: input.siteId,
    after: input,
  });
  invalidateAccess(actor.orgId, input.userId);
  return id;
}

/** Removes one grant, in the caller's transaction. */
export async function revokeGrant(
  tx: DbOrTx,
  actor: Actor,
  userId: string,
  grantId: string,
): Promise<void> {
  const grant = await tx
    .selectFrom('user_roles')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('user_id', '=', userId)
    .where('id', '=', grantId)
    .executeTakeFirst();
  if (!grant) throw notFound({ zh: '授权', en: 'Grant' });
  await tx
    .deleteFrom('user_roles')
    .where('org_id', '=', actor.orgId)
    .where('id', '=', grantId)
    .execute();
  await recordAudit(tx, actor, {
    action: 'revoke',
    entityType: 'user',
    entityId: userId,
    siteId: grant.site_id,
    before: grant,
  });
  invalidateAccess(actor.orgId, userId);
}
