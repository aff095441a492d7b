import type { DbOrTx } from '../db/connect.ts';
import type { UsersTable } from './tables.ts';

export type UserRow = UsersTable;

/** Usernames are unique across the installation and compared in lower case. */
export const normalizeUsername = (u: string) => u.trim().toLowerCase();

export async function findUserByUsername(
  db: DbOrTx,
  username: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', normalizeUsername(username))
    .executeTakeFirst();
}

export async function findUser(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Names of the people linked to accounts, by person id (deleted people too: the link stays). */
export async function personNames(
  db: DbOrTx,
  orgId: string,
  personIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(personIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertUser(db: DbOrTx, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Omit<UserRow, 'id' | 'org_id'>>,
): Promise<void> {
  await db
    .updateTable('users')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function insertLoginAttempt(
  db: DbOrTx,
  row: { id: string; username: string; ip: string; success: number; at: string },
): Promise<void> {
  await db.insertInto('login_attempts').values(row).execute();
}

export type FailureScope = 'account_ip' | 'account' | 'ip';

/** login_attempts.success: the attempt failed, succeeded, or is still being checked. */
export const ATTEMPT = { failed: 0, succeeded: 1, pending: 2 } as const;

function failuresIn(db: DbOrTx, scope: FailureScope, username: string, ip: string, since: string) {
  // Per account, attempts still being checked count as failures, so a burst of
  // parallel guesses is throttled before scrypt answers any of them. Per
  // address they do not: colleagues behind one hospital NAT signing in at
  // eight o'clock are many pending attempts, not an attack.
  let q = db.selectFrom('login_attempts').where('at', '>=', since);
  q =
    scope === 'ip'
      ? q.where('success', '=', ATTEMPT.failed)
      : q.where('success', '!=', ATTEMPT.succeeded);
  if (scope !== 'ip') q = q.where('username', '=', username);
  if (scope !== 'account') q = q.where('ip', '=', ip);
  return q;
}

/** Failed attempts since `since` per (account, address), per account and per address. */
export async function countFailures(
  db: DbOrTx,
  username: string,
  ip: string,
  since: string,
): Promise<Record<FailureScope, number>> {
  const scopes: FailureScope[] = ['account_ip', 'account', 'ip'];
  const counts = await Promise.all(
    scopes.map((scope) =>
      failuresIn(db, scope, username, ip, since)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  return {
    account_ip: Number(counts[0]!.n),
    account: Number(counts[1]!.n),
    ip: Number(counts[2]!.n),
  };
}

/** The oldest failure inside the window, to tell the user when they may try again. */
export async function oldestFailureSince(
  db: DbOrTx,
  scope: FailureScope,
  username: string,
  ip: string,
  since: string,
): Promise<string | null> {
  const row = await failuresIn(db, scope, username, ip, since)
    .select((eb) => eb.fn.min<string>('at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function settleLoginAttempt(
  db: DbOrTx,
  attemptId: string,
  result: typeof ATTEMPT.failed | typeof ATTEMPT.succeeded,
): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ success: result })
    .where('id', '=', attemptId)
    .execute();
}

export type SessionWithUser = {
  sessionId: string;
  userId: string;
  orgId: string;
  lastSeenAt: string;
  createdAt: string;
  expiresAt: string;
  user: UserRow;
};

export async function insertSession(
  db: DbOrTx,
  row: {
    id: string;
    user_id: string;
    org_id: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
  },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionWithUser(
  db: DbOrTx,
  sessionId: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select([
      's.id as s_id',
      's.last_seen_at as s_last_seen_at',
      's.created_at as s_created_at',
      's.expires_at as s_expires_at',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { s_id, s_last_seen_at, s_created_at, s_expires_at, ...user } = row;
  return {
    sessionId: s_id,
    userId: user.id,
    orgId: user.org_id,
    lastSeenAt: s_last_seen_at,
    createdAt: s_created_at,
    expiresAt: s_expires_at,
    user,
  };
}

export async function touchSession(db: DbOrTx, sessionId: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(
  db: DbOrTx,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
}

export async function findTokenWithUser(db: DbOrTx, tokenHash: string) {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select([
      't.id as t_id',
      't.expires_at as t_expires_at',
      't.revoked_at as t_revoked_at',
      't.last_used_at as t_last_used_at',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { t_id, t_expires_at, t_revoked_at, t_last_used_at, ...user } = row;
  return {
    tokenId: t_id,
    expiresAt: t_expires_at,
    revokedAt: t_revoked_at,
    lastUsedAt: t_last_used_at,
    user,
  };
}

export async function touchToken(db: DbOrTx, tokenId: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', tokenId).execute();
}
