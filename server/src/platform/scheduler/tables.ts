/** The single row (`name = 'main'`) whose holder is the one process that runs jobs. */
export interface SchedulerLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** When each job is next due; kept in the database so a restart does not rerun everything. */
export interface SchedulerJobsTable {
  name: string;
  next_run_at: string;
  last_run_at: string | null;
}

export type JobRunStatus = 'running' | 'ok' | 'error';

export interface JobRunsTable {
  id: string;
  job: string;
  started_at: string;
  finished_at: string | null;
  status: JobRunStatus;
  error: string | null;
  detail: string | null;
}

export interface SchedulerTables {
  scheduler_lease: SchedulerLeaseTable;
  scheduler_jobs: SchedulerJobsTable;
  job_runs: JobRunsTable;
}
