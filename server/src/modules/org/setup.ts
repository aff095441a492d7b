import { sql } from 'kysely';
import { BUILTIN_ROLES } from '../../platform/access/builtin-roles.ts';
import { findRoleByKey } from '../../platform/access/repository.ts';
import { syncBuiltinRoles } from '../../platform/access/roles-service.ts';
import { prepareOrganization } from '../../platform/org-lifecycle.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { insertUserWithGrants } from '../../platform/auth/users-service.ts';
import { systemActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/connect.ts';
import { dialectOf, writeJson } from '../../platform/db/dialect.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { countOrganizations } from './repository.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

export type SetupInput = {
  organization: { name: string; timezone?: string | undefined };
  admin: { username: string; password: string; name: string };
};

/** Where a set-up request came from, for its audit rows. */
export type SetupMeta = {
  requestId: string | null;
  ip: string | null;
  audit: { count: number };
  defaultTimeZone: string;
};

const ALREADY = { zh: '系统已完成初始化，不能再次设置', en: 'Houqin is already set up' };

/**
 * First run: creates the organisation, its built-in roles and the first
 * administrator in one transaction, only while no organisation exists.
 */
export async function setupInstallation(
  db: Db,
  input: SetupInput,
  meta: SetupMeta,
): Promise<{ organizationId: string; userId: string }> {
  return db.transaction().execute(async (tx) => {
    // Two set-up requests at once must not both succeed: on PostgreSQL take a
    // table lock; SQLite already runs one write transaction at a time.
    if (dialectOf(tx) === 'postgres') {
      await sql`lock table organizations in exclusive mode`.execute(tx);
    }
    if ((await countOrganizations(tx)) > 0) throw conflict(ALREADY);
    return createOrganization(tx, input, meta);
  });
}

/**
 * Creates one organisation with its built-in roles and first administrator,
 * in the caller's transaction. Set-up uses it once; hosting several
 * organisations (and the tests of tenant isolation) use it directly.
 */
export async function createOrganization(
  tx: DbOrTx,
  input: SetupInput,
  meta: SetupMeta,
): Promise<{ organizationId: string; userId: string }> {
  const orgId = newId();
  const now = new Date().toISOString();
  await tx
    .insertInto('organizations')
    .values({
      id: orgId,
      name: input.organization.name,
      timezone: input.organization.timezone ?? meta.defaultTimeZone,
      settings: writeJson(DEFAULT_SETTINGS),
      created_at: now,
      updated_at: now,
    })
    .execute();
  const actor = {
    ...systemActor(orgId, input.admin.name),
    requestId: meta.requestId,
    ip: meta.ip,
    audit: meta.audit,
  };
  await recordAudit(tx, actor, {
    action: 'setup',
    entityType: 'organization',
    entityId: orgId,
    after: input.organization,
  });
  await syncBuiltinRoles(tx, orgId);
  await prepareOrganization(tx, orgId);
  const admin = await findRoleByKey(tx, orgId, BUILTIN_ROLES[0]!.key);
  const userId = await insertUserWithGrants(tx, actor, {
    username: input.admin.username,
    password: input.admin.password,
    displayName: input.admin.name,
    grants: admin ? [{ roleId: admin.id, siteId: null }] : [],
  });
  return { organizationId: orgId, userId };
}

export const isLoopback = (ip: string) =>
  ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

/**
 * Set-up from the server itself needs nothing; from another computer it needs
 * the token the server printed at start (HOST defaults to all interfaces, and
 * whoever sets up first becomes administrator).
 */
export function checkSetupToken(ip: string, given: string | string[] | undefined, token: string) {
  if (isLoopback(ip) || given === token) return;
  throw new AppError(403, 'SETUP_TOKEN_REQUIRED', {
    zh: '从其他电脑初始化需要设置口令：请查看服务器启动时控制台输出的“初始化口令”',
    en: 'Setting up from another computer needs the set-up token printed on the server console at start',
  });
}
