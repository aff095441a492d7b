import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { MaintP } from './policy.ts';
import type { Visibility } from './repository.ts';

/**
 * Which work orders a user sees: every order of the sites where they
 * dispatch or read; the orders they reported; as a technician those assigned
 * to them and their teams' queues; as a department head their department's.
 */
export async function visibilityOf(db: DbOrTx, actor: Actor): Promise<Visibility> {
  const a = actor.access;
  const read = a.siteScope(MaintP.read);
  const dispatch = a.siteScope(MaintP.dispatch);
  const sites =
    read === 'all' || dispatch === 'all' ? ('all' as const) : [...new Set([...read, ...dispatch])];
  let departmentId: string | null = null;
  if (a.has(MaintP.sign) && actor.userId) {
    const row = await db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select('people.department_id')
      .where('users.id', '=', actor.userId)
      .where('users.org_id', '=', actor.orgId)
      .executeTakeFirst();
    departmentId = row?.department_id ?? null;
  }
  return {
    sites,
    userId: actor.userId ?? '',
    worker: a.has(MaintP.work),
    departmentId,
  };
}
