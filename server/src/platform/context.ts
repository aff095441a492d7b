import { Access } from './access/access.ts';
import type { Lang } from './i18n.ts';

/**
 * Who is doing something, passed to every service call that changes data so
 * the audit row can say who, from where, under which request.
 */
export type Actor = {
  orgId: string;
  userId: string | null;
  name: string;
  access: Access;
  requestId: string | null;
  ip: string | null;
  lang: Lang;
  /** Counts audit rows this request wrote; strict mode checks every mutation wrote one. */
  audit: { count: number };
};

/** A signed-in user making an HTTP request: always a user. */
export type UserActor = Actor & { userId: string };

/**
 * The scheduler, set-up, seeds and the CLI act as the system: every
 * permission, no user. What they may do is decided by their own code.
 */
export function systemActor(orgId: string, name = '系统'): Actor {
  return {
    orgId,
    userId: null,
    name,
    access: Access.all(),
    requestId: null,
    ip: null,
    lang: 'zh',
    audit: { count: 0 },
  };
}
