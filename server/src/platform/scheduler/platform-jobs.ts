import { deliverPending } from '../notify/deliver.ts';
import { cleanupAuth } from '../auth/cleanup.ts';
import { pruneLogs } from './housekeeping.ts';
import type { Job } from './job.ts';

/** The platform's own recurring jobs. Modules' reminders (expiries, overdue items) join this list. */
export const platformJobs: readonly Job[] = [
  {
    name: 'notify.deliver',
    everyMs: 30_000,
    async run(deps, now) {
      const s = await deliverPending(deps, now);
      return `sent ${s.sent}, retrying ${s.retrying}, failed ${s.failed}`;
    },
  },
  { name: 'auth.cleanup', everyMs: 3600_000, run: cleanupAuth },
  { name: 'system.prune-logs', everyMs: 24 * 3600_000, run: pruneLogs },
];
