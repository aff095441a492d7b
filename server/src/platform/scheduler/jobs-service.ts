import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../context.ts';
import type { Db } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../errors.ts';
import { jobRunFromRow, runJob, type Job, type JobRun } from './job.ts';
import { readLease } from './lease.ts';
import type { JobRunListQuery } from './schema.ts';

const JOB = { zh: '定时任务', en: 'Job' };

async function lastRunOf(db: Db, job: string): Promise<JobRun | null> {
  const row = await db
    .selectFrom('job_runs')
    .selectAll()
    .where('job', '=', job)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? jobRunFromRow(row) : null;
}

/** Every registered job with its schedule and last run, and who holds the lease. */
export async function jobsOverview(db: Db, jobs: readonly Job[]) {
  const schedule = await db.selectFrom('scheduler_jobs').selectAll().execute();
  const byName = new Map(schedule.map((s) => [s.name, s]));
  const lease = await readLease(db);
  return {
    lease: lease ? { holder: lease.holder, expiresAt: lease.expires_at } : null,
    jobs: await Promise.all(
      jobs.map(async (job) => ({
        name: job.name,
        everyMs: job.everyMs,
        nextRunAt: byName.get(job.name)?.next_run_at ?? null,
        lastRunAt: byName.get(job.name)?.last_run_at ?? null,
        lastRun: await lastRunOf(db, job.name),
      })),
    ),
  };
}

export async function listJobRuns(
  db: Db,
  query: JobRunListQuery,
): Promise<{ items: JobRun[]; total: number }> {
  let q = db.selectFrom('job_runs');
  if (query.job) q = q.where('job', '=', query.job);
  if (query.status) q = q.where('status', '=', query.status);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(jobRunFromRow), total: Number(count.n) };
}

/**
 * Runs a job now, on this process, whoever holds the lease (jobs tolerate a
 * concurrent run). Its schedule is left alone; the run is logged and audited.
 */
export async function runJobNow(
  deps: Deps,
  actor: Actor,
  jobs: readonly Job[],
  name: string,
  now: Date = new Date(),
): Promise<JobRun> {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw notFound(JOB);
  const run = await runJob(deps, job, now);
  await recordAudit(deps.db, actor, {
    action: 'run',
    entityType: 'job',
    entityId: name,
    after: { runId: run.id, status: run.status, error: run.error, detail: run.detail },
  });
  return run;
}
