import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { DbOrTx } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { runJob, type Job, type JobRun } from './job.ts';
import { acquireLease, releaseLease } from './lease.ts';

export type SchedulerLogger = {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
};

export type SchedulerOptions = {
  /** Names this process in the lease row; unique per process by default. */
  holder?: string;
  /** How often the lease is renewed and due jobs are looked for. */
  tickMs?: number;
  /** How long a silent holder keeps the lease; several ticks, so one slow tick loses nothing. */
  leaseMs?: number;
  logger?: SchedulerLogger;
};

export type TickResult = { leader: boolean; ran: JobRun[] };

export type Scheduler = {
  readonly holder: string;
  /** Ticks every `tickMs` until stopped. */
  start(): void;
  /** Stops ticking, waits for running jobs, and gives the lease up. */
  stop(): Promise<void>;
  /** One tick at `now`: take or renew the lease; when held, run due jobs and wait for them. */
  tick(now?: Date): Promise<TickResult>;
};

export const DEFAULT_TICK_MS = 5_000;
export const DEFAULT_LEASE_MS = 30_000;

const consoleLogger: SchedulerLogger = {
  error: (obj, msg) => console.error(msg, obj),
  info: () => {},
};

/**
 * Marks a job as started by moving its next run forward. The condition
 * `next_run_at <= now` makes the claim exclusive: a second claimant finds the
 * row already moved. A job seen for the first time runs at once.
 */
async function claimDueJob(db: DbOrTx, job: Job, now: Date): Promise<boolean> {
  const next = new Date(now.getTime() + job.everyMs).toISOString();
  const at = now.toISOString();
  const moved = await db
    .updateTable('scheduler_jobs')
    .set({ next_run_at: next, last_run_at: at })
    .where('name', '=', job.name)
    .where('next_run_at', '<=', at)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 1) return true;
  const known = await db
    .selectFrom('scheduler_jobs')
    .select('name')
    .where('name', '=', job.name)
    .executeTakeFirst();
  if (known) return false;
  const inserted = await db
    .insertInto('scheduler_jobs')
    .values({ name: job.name, next_run_at: next, last_run_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * The in-process scheduler. Several processes may share one PostgreSQL: each
 * ticks, but only the holder of the lease row runs jobs; when the holder
 * stops renewing (crash, shutdown), another takes over once the lease
 * expires. Each job's next run is stored, so a restart does not rerun
 * everything, and every run leaves a `job_runs` row.
 */
export function createScheduler(
  deps: Deps,
  jobs: readonly Job[],
  opts: SchedulerOptions = {},
): Scheduler {
  const holder = opts.holder ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const tickMs = opts.tickMs ?? DEFAULT_TICK_MS;
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const log = opts.logger ?? consoleLogger;
  // A job still running from an earlier tick is not started again by this process.
  const running = new Map<string, Promise<JobRun | null>>();
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<unknown> | null = null;

  async function beat(now: Date): Promise<{ leader: boolean; started: Promise<JobRun | null>[] }> {
    const leader = await acquireLease(deps.db, holder, now, leaseMs);
    if (!leader) return { leader, started: [] };
    const started: Promise<JobRun | null>[] = [];
    for (const job of jobs) {
      if (running.has(job.name) || !(await claimDueJob(deps.db, job, now))) continue;
      const run = runJob(deps, job, now)
        .then((r) => {
          if (r.status === 'error') log.error({ job: job.name, error: r.error }, 'job failed');
          return r;
        })
        .catch((err: unknown) => {
          log.error({ err, job: job.name }, 'job run could not be recorded');
          return null;
        })
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
      started.push(run);
    }
    return { leader, started };
  }

  return {
    holder,
    async tick(now = new Date()) {
      const { leader, started } = await beat(now);
      const ran = (await Promise.all(started)).filter((r): r is JobRun => r !== null);
      return { leader, ran };
    },
    start() {
      if (timer) return;
      // Jobs run in the background so a long job never delays renewing the lease.
      const loop = () => {
        if (beating) return;
        beating = beat(new Date())
          .catch((err: unknown) => log.error({ err }, 'scheduler tick failed'))
          .finally(() => {
            beating = null;
          });
      };
      timer = setInterval(loop, tickMs);
      timer.unref();
      loop();
      log.info({ holder, jobs: jobs.map((j) => j.name) }, 'scheduler started');
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await beating;
      await Promise.all(running.values());
      try {
        await releaseLease(deps.db, holder);
      } catch (err) {
        log.error({ err }, 'could not release the scheduler lease');
      }
    },
  };
}
