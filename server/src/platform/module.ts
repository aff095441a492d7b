import type { Deps } from './deps.ts';
import type { App } from './http/types.ts';
import type { Job } from './scheduler/job.ts';

/**
 * A vertical slice of the product. `app.ts` registers every module's routes;
 * the scheduler runs every module's jobs (reminders, escalations) in one
 * process at a time.
 */
export type HouqinModule = {
  name: string;
  routes(app: App, deps: Deps): void | Promise<void>;
  jobs?: readonly Job[];
};
