import type { Deps } from '../deps.ts';

const DAY_MS = 24 * 3600_000;
/** The job run log is for "did it run, why did it fail"; a month answers that. */
export const JOB_RUNS_KEPT_MS = 30 * DAY_MS;
/** Finished deliveries stay in the log half a year (covers a year-end review of the half). */
export const DELIVERIES_KEPT_MS = 180 * DAY_MS;

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

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
