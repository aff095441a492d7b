import type { Deps } from '../deps.ts';
import { SESSION_IDLE_MS } from './sessions.ts';

const DAY_MS = 24 * 3600_000;
/** Failed and successful sign-ins are kept a month: long enough to look into an attack. */
export const LOGIN_ATTEMPTS_KEPT_MS = 30 * DAY_MS;

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

/**
 * Deletes sessions past their absolute or idle expiry (sign-in drops them
 * lazily, but sessions nobody returns to would stay for ever) and old
 * login attempts.
 */
export async function cleanupAuth({ db }: Pick<Deps, 'db'>, now: Date): Promise<string> {
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now.toISOString()),
        eb('last_seen_at', '<=', ago(now, SESSION_IDLE_MS)),
      ]),
    )
    .executeTakeFirst();
  const attempts = await db
    .deleteFrom('login_attempts')
    .where('at', '<', ago(now, LOGIN_ATTEMPTS_KEPT_MS))
    .executeTakeFirst();
  return `deleted ${Number(sessions.numDeletedRows)} sessions, ${Number(attempts.numDeletedRows)} login attempts`;
}
