import { performance } from 'node:perf_hooks';
import type { Selectable } from 'kysely';
import type { Deps } from '../deps.ts';
import { newId } from '../ids.ts';
import type { JobRunsTable } from './tables.ts';

/**
 * A recurring job, registered in code. `run` gets the time it was started for
 * (tests pass it explicitly) and may return a one-line summary for the run
 * log. Jobs must tolerate running twice at once (a manual run beside the
 * scheduled one): claim rows, delete idempotently.
 */
export type Job = {
  name: string;
  everyMs: number;
  run(deps: Deps, now: Date): Promise<string | void>;
};

export type JobRun = {
  id: string;
  job: string;
  startedAt: string;
  finishedAt: string | null;
  status: JobRunsTable['status'];
  error: string | null;
  detail: string | null;
};

export function jobRunFromRow(r: Selectable<JobRunsTable>): JobRun {
  return {
    id: r.id,
    job: r.job,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    error: r.error,
    detail: r.detail,
  };
}

/**
 * Runs a job once and keeps a record: the run row is written as `running`
 * before the job starts (a process that dies mid-job leaves that trace) and
 * completed with `ok` or `error` after. A failing job never throws here.
 */
export async function runJob(deps: Deps, job: Job, now: Date): Promise<JobRun> {
  const id = newId();
  await deps.db
    .insertInto('job_runs')
    .values({
      id,
      job: job.name,
      started_at: now.toISOString(),
      finished_at: null,
      status: 'running',
      error: null,
      detail: null,
    })
    .execute();
  const t0 = performance.now();
  let result: Pick<JobRun, 'status' | 'error' | 'detail'>;
  try {
    const detail = await job.run(deps, now);
    result = { status: 'ok', error: null, detail: detail ? detail.slice(0, 1000) : null };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    result = { status: 'error', error: message.slice(0, 2000), detail: null };
  }
  // Measured, then placed on the caller's clock, so a run never ends before it started.
  const finishedAt = new Date(now.getTime() + Math.round(performance.now() - t0)).toISOString();
  await deps.db
    .updateTable('job_runs')
    .set({ ...result, finished_at: finishedAt })
    .where('id', '=', id)
    .execute();
  return { id, job: job.name, startedAt: now.toISOString(), finishedAt, ...result };
}
