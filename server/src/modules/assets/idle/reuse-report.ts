import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { fullSites, orgTimeZone, startOfLocalDay } from '../operations/index.ts';

/**
 * Reuse before buying, counted: idle-asset requests a department received in
 * the year, and the money saved. Saved is the assets' original values — what
 * the same things cost when bought — not a guess at today's prices, so the
 * figure can be checked against the register. Idle requests are the only
 * operations that carry a requesting department, which is what marks them;
 * the transfers of a request split across sites count as one request.
 */
export async function reuseReport(
  db: DbOrTx,
  actor: Actor,
  q: { year: number; siteId?: string | undefined },
) {
  const tz = await orgTimeZone(db, actor.orgId);
  const sites = fullSites(actor);
  let query = db
    .selectFrom('ast_operations as o')
    .innerJoin('ast_operation_lines as l', 'l.operation_id', 'o.id')
    .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
    .select((eb) => [
      // A request split across sites is several transfers sharing idleRequestId: one request.
      sql<number>`count(distinct coalesce(o.data ->> 'idleRequestId', cast(o.id as text)))`.as(
        'requests',
      ),
      eb.fn.countAll<number>().as('assets'),
      eb.fn.sum<number>('a.original_value_fen').as('saved'),
    ])
    .where('o.org_id', '=', actor.orgId)
    .where('o.kind', '=', 'transfer')
    .where('o.status', '=', 'done')
    .where('o.requesting_department_id', 'is not', null)
    .where('o.completed_at', '>=', startOfLocalDay(tz, `${q.year}-01-01`))
    .where('o.completed_at', '<', startOfLocalDay(tz, `${q.year + 1}-01-01`));
  if (sites !== 'all')
    query = sites.length ? query.where('o.site_id', 'in', sites) : query.where(sql<boolean>`1 = 0`);
  if (q.siteId) query = query.where('o.site_id', '=', q.siteId);
  const r = await query.executeTakeFirstOrThrow();
  return {
    year: q.year,
    requests: Number(r.requests ?? 0),
    assets: Number(r.assets ?? 0),
    savedFen: Number(r.saved ?? 0),
  };
}
