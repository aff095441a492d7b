import { SESSION_IDLE_MS } from '../auth/sessions.ts';
import type { Deps } from '../deps.ts';

const DAY_MS = 24 * 3600_000;
/** Failed and successful sign-ins are kept a month: long enough to look into an attack. */
export const LOGIN_ATTEMPTS_KEPT_MS = 30 * DAY_MS;
/** The job run log is for "did it run, why did it fail"; a month answers that. */
export const JOB_RUNS_KEPT_MS = 30 * DAY_MS;
/** Finished deliveries stay in the log half a year (covers a year-end review of the half). */
export const DELIVERIES_KEPT_MS = 180 * DAY_MS;

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

/** Keeps the job run log and the delivery log from growing without end. */
export async function pruneLogs({ db }: Pick<Deps, 'db'>, now: Date): Promise<string> {
  const runs = await db
    .deleteFrom('job_runs')
    .where('started_at', '<', ago(now, JOB_RUNS_KEPT_MS))
    .executeTakeFirst();
  const deliveries = await db
    .deleteFrom('notification_deliveries')
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', ago(now, DELIVERIES_KEPT_MS))
    .executeTakeFirst();
  return `deleted ${Number(runs.numDeletedRows)} job runs, ${Number(deliveries.numDeletedRows)} deliveries`;
}
