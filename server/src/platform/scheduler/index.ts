// The scheduler: started by `cli/start.ts`, configured with the jobs below.
export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.ts';
export { type Job, type JobRun } from './job.ts';
export { platformJobs } from './platform-jobs.ts';
