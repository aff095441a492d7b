import { grantRole, revokeGrant } from '../access/roles-service.ts';
import { listGrants, loadGrantRows, type Grant } from '../access/repository.ts';
import { invalidateAccess } from '../access/resolve.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Actor, UserActor } from '../context.ts';
import type { Db, DbOrTx, DialectName } from '../db/connect.ts';
import { containsText } from '../db/dialect.ts';
import {
  AppError,
  badRequest,
  conflict,
  isUniqueViolation,
  notFound,
  unauthorized,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { hashPassword, verifyPassword } from './password.ts';
import * as repo from './repository.ts';

const USER = { zh: '账号', en: 'User' };

export type User = {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  personName: string | null;
  locale: string;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  grants: Grant[];
};

export function userFromRow(
  row: repo.UserRow,
  grants: Grant[],
  personNames: ReadonlyMap<string, string> = new Map(),
): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    personName: (row.person_id && personNames.get(row.person_id)) ?? null,
    locale: row.locale,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    grants: grants.filter((g) => g.userId === row.id),
  };
}

export type UserCreate = {
  username: string;
  password: string;
  displayName: string;
  personId?: string | null | undefined;
  locale?: string | undefined;
  grants?: { roleId: string; siteId: string | null }[] | undefined;
  mustChangePassword?: boolean | undefined;
};

async function checkPerson(tx: DbOrTx, orgId: string, personId: string | null | undefined) {
  if (!personId) return;
  const p = await tx
    .selectFrom('people')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!p) throw notFound({ zh: '人员', en: 'Person' });
}

/** Creates an account (and its role grants) inside the caller's transaction. */
export async function insertUserWithGrants(
  tx: DbOrTx,
  actor: Actor,
  input: UserCreate,
): Promise<string> {
  await checkPerson(tx, actor.orgId, input.personId);
  const id = newId();
  const now = new Date().toISOString();
  const row: repo.UserRow = {
    id,
    org_id: actor.orgId,
    person_id: input.personId ?? null,
    username: repo.normalizeUsername(input.username),
    password_hash: await hashPassword(input.password),
    display_name: input.displayName,
    locale: input.locale ?? 'zh-CN',
    active: 1,
    must_change_password: input.mustChangePassword ? 1 : 0,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await repo.insertUser(tx, row);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict({
        zh: `用户名 ${row.username} 已被使用`,
        en: `Username ${row.username} is taken`,
      });
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'user',
    entityId: id,
    after: { ...row, password_hash: undefined },
  });
  for (const g of input.grants ?? []) await grantRole(tx, actor, { userId: id, ...g });
  return id;
}

export async function getUser(db: DbOrTx, orgId: string, id: string): Promise<User> {
  const row = await repo.findUser(db, orgId, id);
  if (!row) throw notFound(USER);
  const [grants, names] = await Promise.all([
    listGrants(db, orgId, [id]),
    repo.personNames(db, orgId, [row.person_id]),
  ]);
  return userFromRow(row, grants, names);
}

export async function createUser(db: Db, actor: Actor, input: UserCreate): Promise<User> {
  const id = await db.transaction().execute((tx) => insertUserWithGrants(tx, actor, input));
  return getUser(db, actor.orgId, id);
}

export type UserListQuery = {
  q?: string | undefined;
  active?: boolean | undefined;
  roleId?: string | undefined;
  siteId?: string | undefined;
  sort: 'username' | 'displayName' | 'lastLoginAt' | 'createdAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

const SORT_COLUMNS = {
  username: 'username',
  displayName: 'display_name',
  lastLoginAt: 'last_login_at',
  createdAt: 'created_at',
} as const;

export async function listUsers(
  db: Db,
  dialect: DialectName,
  orgId: string,
  query: UserListQuery,
): Promise<{ items: User[]; total: number }> {
  let base = db.selectFrom('users').where('org_id', '=', orgId);
  if (query.q) {
    const text = query.q;
    base = base.where((eb) =>
      eb.or([containsText(dialect, 'username', text), containsText(dialect, 'display_name', text)]),
    );
  }
  if (query.active !== undefined) base = base.where('active', '=', query.active ? 1 : 0);
  if (query.roleId || query.siteId) {
    const { roleId, siteId } = query;
    // One EXISTS per account, answered by the user_roles(user_id) index; role
    // and site together mean one grant of that role covering that site.
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_roles as g')
          .select('g.id')
          .whereRef('g.user_id', '=', 'users.id')
          .where('g.org_id', '=', orgId)
          .$if(!!roleId, (q) => q.where('g.role_id', '=', roleId!))
          .$if(!!siteId, (q) =>
            q.where((eb) => eb.or([eb('g.site_id', '=', siteId!), eb('g.site_id', 'is', null)])),
          ),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(SORT_COLUMNS[query.sort], query.order)
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const [grants, names] = await Promise.all([
    listGrants(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    repo.personNames(
      db,
      orgId,
      rows.map((r) => r.person_id),
    ),
  ]);
  return { items: rows.map((r) => userFromRow(r, grants, names)), total: Number(count.n) };
}

/**
 * The account an administrator is about to change, if they may: it exists in
 * their organisation and holds no permission they lack (someone who may
 * manage accounts but is not an administrator cannot take over an admin's).
 */
export async function managedUser(tx: DbOrTx, actor: Actor, id: string): Promise<repo.UserRow> {
  const user = await repo.findUser(tx, actor.orgId, id);
  if (!user) throw notFound(USER);
  for (const grant of await loadGrantRows(tx, actor.orgId, id)) {
    if (actor.access.missing(grant.permissions, grant.siteId).length) {
      throw new AppError(403, 'PRIVILEGE_ESCALATION', {
        zh: '不能管理权限高于您的账号',
        en: 'You cannot manage an account that holds permissions you do not have',
      });
    }
  }
  return user;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: {
    displayName?: string | undefined;
    personId?: string | null | undefined;
    locale?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<User> {
  if (patch.active === false && id === actor.userId) {
    throw badRequest({ zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
  }
  await db.transaction().execute(async (tx) => {
    const before = await managedUser(tx, actor, id);
    await checkPerson(tx, actor.orgId, patch.personId);
    await repo.updateUser(tx, actor.orgId, id, {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.personId !== undefined && { person_id: patch.personId }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
      updated_at: new Date().toISOString(),
    });
    // A disabled account is signed out everywhere at once.
    if (patch.active === false) await repo.deleteSessionsOfUser(tx, id);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: { ...before, password_hash: undefined },
      after: patch,
    });
  });
  invalidateAccess(actor.orgId, id);
  return getUser(db, actor.orgId, id);
}

/**
 * Admin reset: a new temporary password the user must change at next
 * sign-in. A reset is how a compromised account is recovered, so every
 * session and API token of the account ends with it.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string,
): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await managedUser(tx, actor, id);
    await repo.updateUser(tx, actor.orgId, id, {
      password_hash: hash,
      must_change_password: 1,
      updated_at: new Date().toISOString(),
    });
    await repo.deleteSessionsOfUser(tx, id);
    await tx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('org_id', '=', actor.orgId)
      .where('user_id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(tx, actor, { action: 'reset_password', entityType: 'user', entityId: id });
  });
}

/** Grants a role to an account the actor may manage (see managedUser and grantRole). */
export async function grantUserRole(
  db: Db,
  actor: Actor,
  userId: string,
  input: { roleId: string; siteId: string | null },
): Promise<User> {
  await db.transaction().execute(async (tx) => {
    await managedUser(tx, actor, userId);
    await grantRole(tx, actor, { userId, ...input });
  });
  return getUser(db, actor.orgId, userId);
}

export async function revokeUserGrant(
  db: Db,
  actor: Actor,
  userId: string,
  grantId: string,
): Promise<User> {
  await db.transaction().execute(async (tx) => {
    await managedUser(tx, actor, userId);
    await revokeGrant(tx, actor, userId, grantId);
  });
  return getUser(db, actor.orgId, userId);
}

export async function changeOwnPassword(
  db: Db,
  actor: UserActor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string | null },
): Promise<void> {
  const user = await repo.findUser(db, actor.orgId, actor.userId);
  if (!user) throw notFound(USER);
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw unauthorized({ zh: '当前密码不正确', en: 'The current password is wrong' });
  }
  if (input.currentPassword === input.newPassword) {
    throw badRequest({
      zh: '新密码不能与当前密码相同',
      en: 'The new password must differ from the current one',
    });
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, actor.orgId, user.id, {
      password_hash: hash,
      must_change_password: 0,
      updated_at: new Date().toISOString(),
    });
    await repo.deleteSessionsOfUser(tx, user.id, input.keepSessionId ?? undefined);
    await recordAudit(tx, actor, {
      action: 'change_password',
      entityType: 'user',
      entityId: user.id,
    });
  });
}

/** A user's own preferences (language follows them from device to device). */
export async function updateOwnProfile(
  db: Db,
  actor: UserActor,
  patch: { locale?: string | undefined; displayName?: string | undefined },
): Promise<User> {
  await db.transaction().execute(async (tx) => {
    const before = await repo.findUser(tx, actor.orgId, actor.userId);
    if (!before) throw notFound(USER);
    await repo.updateUser(tx, actor.orgId, actor.userId, {
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      updated_at: new Date().toISOString(),
    });
    await recordAudit(tx, actor, {
      action: 'update_profile',
      entityType: 'user',
      entityId: actor.userId,
      before: { locale: before.locale, displayName: before.display_name },
      after: patch,
    });
  });
  return getUser(db, actor.orgId, actor.userId);
}
