import { assetsModule } from './modules/assets/index.ts';
import { maintenanceModule } from './modules/maintenance/index.ts';
import { orgModule } from './modules/org/index.ts';
import { rolesRoutes } from './platform/access/routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { usersRoutes } from './platform/auth/users-routes.ts';
import { attachmentsRoutes } from './platform/files/routes.ts';
import { notifyRoutes } from './platform/notify/routes.ts';
import { platformJobs, type Job } from './platform/scheduler/index.ts';
import { systemJobsRoutes } from './platform/scheduler/routes.ts';
import { systemRoutes } from './platform/backup/routes.ts';
import type { HouqinModule } from './platform/module.ts';

/** Every slice of the product, in registration order. Adding a module is one line here. */
export const modules: HouqinModule[] = [
  {
    name: 'platform',
    routes(app, deps) {
      authRoutes(app, deps);
      usersRoutes(app, deps);
      rolesRoutes(app, deps);
      auditRoutes(app, deps);
      attachmentsRoutes(app, deps);
      notifyRoutes(app, deps);
      systemJobsRoutes(app, deps, allJobs());
      systemRoutes(app, deps);
    },
  },
  orgModule,
  maintenanceModule,
  assetsModule,
];

/** The platform's jobs and every module's, for the scheduler and the jobs page. */
export function allJobs(): Job[] {
  return [...platformJobs, ...modules.flatMap((m) => m.jobs ?? [])];
}
