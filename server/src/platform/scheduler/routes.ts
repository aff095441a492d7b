import { P } from '../access/platform-permissions.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { paged } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import type { Job } from './job.ts';
import { jobsOverview, listJobRuns, runJobNow } from './jobs-service.ts';
import { JobNameParams, JobRunListQuery, JobRunSchema, JobsOverviewSchema } from './schema.ts';

const tags = ['system'];

/**
 * Recurring jobs for system administrators: status, the run log, "run now".
 * Jobs and their logs belong to the installation, not to one organisation.
 */
export function systemJobsRoutes(app: App, deps: Deps, jobs: readonly Job[]): void {
  const { db } = deps;
  const auth = P.system.manage;

  app.get(
    '/api/system/jobs',
    {
      config: { auth },
      schema: {
        tags,
        summary: '定时任务 Scheduled jobs',
        response: { 200: JobsOverviewSchema },
      },
    },
    async () => jobsOverview(db, jobs),
  );

  app.get(
    '/api/system/job-runs',
    {
      config: { auth },
      schema: {
        tags,
        summary: '任务运行记录 Job run log',
        querystring: JobRunListQuery,
        response: { 200: paged(JobRunSchema) },
      },
    },
    async (req) => ({
      ...(await listJobRuns(db, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );

  app.post(
    '/api/system/jobs/:name/run',
    {
      config: { auth },
      schema: {
        tags,
        summary: '立即运行 Run a job now',
        params: JobNameParams,
        response: { 200: JobRunSchema },
      },
    },
    async (req) => runJobNow(deps, actorOf(req), jobs, req.params.name),
  );
}
