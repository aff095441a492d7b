import { createHash, randomBytes } from 'node:crypto';
import type { Db, DbOrTx } from '../db/connect.ts';
import { tooManyRequests, unauthorized } from '../errors.ts';
import { newId } from '../ids.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import * as repo from './repository.ts';

export const SESSION_COOKIE = 'houqin_session';

/** Session lifetimes: signed out after 8 idle hours, and after 7 days whatever happens. */
export const SESSION_IDLE_MS = 8 * 3600_000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 3600_000;
// last_seen_at is written at most this often, so reads do not turn into writes.
const TOUCH_EVERY_MS = 60_000;

/**
 * Login throttling over a sliding window. Failures are counted per account
 * from one address (the guessing case), per address (one machine trying many
 * accounts), and per account from anywhere with a higher cap (a distributed
 * attack). Keying the tight limit on account + address means a stranger
 * cannot lock the real user out by failing on purpose from elsewhere.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;
export const MAX_FAILURES_PER_ACCOUNT_ANYWHERE = 100;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export type LoginResult = {
  token: string;
  sessionId: string;
  user: repo.UserRow;
  expiresAt: string;
};

async function throttle(db: Db, username: string, ip: string, now: number): Promise<void> {
  const since = new Date(now - LOGIN_WINDOW_MS).toISOString();
  const n = await repo.countFailures(db, username, ip, since);
  // Per account the current attempt is already counted (it is recorded as
  // pending first); per address only settled failures count.
  const limited: repo.FailureScope | null =
    n.account_ip > MAX_FAILURES_PER_ACCOUNT
      ? 'account_ip'
      : n.ip >= MAX_FAILURES_PER_IP
        ? 'ip'
        : n.account > MAX_FAILURES_PER_ACCOUNT_ANYWHERE
          ? 'account'
          : null;
  if (!limited) return;
  const oldest = await repo.oldestFailureSince(db, limited, username, ip, since);
  const retryAfter = Math.max(
    1,
    Math.ceil(((oldest ? Date.parse(oldest) : now) + LOGIN_WINDOW_MS - now) / 1000),
  );
  const minutes = Math.ceil(retryAfter / 60);
  throw tooManyRequests(retryAfter, {
    zh: `登录失败次数过多，请 ${minutes} 分钟后再试`,
    en: `Too many failed sign-ins; try again in ${minutes} minutes`,
  });
}

/**
 * Checks a username and password and opens a session. The attempt is
 * recorded as pending before anything is checked, so a burst of parallel
 * guesses at one account is counted in full (a check-then-record throttle lets every
 * request of a burst through while scrypt runs). Unknown users and wrong
 * passwords get the same answer and take the same time. The audit row is
 * written in the session's transaction.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent: string | null },
  audit: (tx: DbOrTx, user: repo.UserRow) => Promise<void>,
): Promise<LoginResult> {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const username = repo.normalizeUsername(input.username);
  const attemptId = newId();
  const attempt = { id: attemptId, username, ip: input.ip, success: repo.ATTEMPT.pending, at };
  await repo.insertLoginAttempt(db, attempt);
  await throttle(db, username, input.ip, now);
  const user = await repo.findUserByUsername(db, username);
  const ok = await verifyPassword(
    input.password,
    user?.password_hash ?? (await dummyPasswordHash()),
  );
  if (!user || !ok || user.active !== 1) {
    await repo.settleLoginAttempt(db, attemptId, repo.ATTEMPT.failed);
    throw unauthorized({ zh: '用户名或密码错误', en: 'Wrong username or password' });
  }
  const token = randomBytes(32).toString('base64url');
  const sessionId = sha256(token);
  const expiresAt = new Date(now + SESSION_ABSOLUTE_MS).toISOString();
  await db.transaction().execute(async (tx) => {
    await repo.settleLoginAttempt(tx, attemptId, repo.ATTEMPT.succeeded);
    await repo.insertSession(tx, {
      id: sessionId,
      user_id: user.id,
      org_id: user.org_id,
      created_at: at,
      last_seen_at: at,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await repo.updateUser(tx, user.org_id, user.id, { last_login_at: at });
    await audit(tx, user);
  });
  return { token, sessionId, user, expiresAt };
}

/** The user behind a session cookie, or null when it is unknown, expired, or the user is disabled. */
export async function resolveSession(db: Db, token: string) {
  const sessionId = sha256(token);
  const found = await repo.findSessionWithUser(db, sessionId);
  if (!found) return null;
  const now = Date.now();
  const expired =
    Date.parse(found.expiresAt) <= now || Date.parse(found.lastSeenAt) + SESSION_IDLE_MS <= now;
  if (expired || found.user.active !== 1) {
    await repo.deleteSession(db, sessionId);
    return null;
  }
  if (now - Date.parse(found.lastSeenAt) > TOUCH_EVERY_MS) {
    await repo.touchSession(db, sessionId, new Date(now).toISOString());
  }
  return found;
}

/** The user behind an API token (`Authorization: Bearer hq_…`). */
export async function resolveApiToken(db: Db, token: string) {
  const found = await repo.findTokenWithUser(db, sha256(token));
  if (!found || found.revokedAt || found.user.active !== 1) return null;
  const now = Date.now();
  if (found.expiresAt && Date.parse(found.expiresAt) <= now) return null;
  if (!found.lastUsedAt || now - Date.parse(found.lastUsedAt) > TOUCH_EVERY_MS) {
    await repo.touchToken(db, found.tokenId, new Date(now).toISOString());
  }
  return found;
}
