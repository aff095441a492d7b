import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { notFound } from '../../../platform/errors.ts';
import { AssetsP } from '../policy.ts';

/*
 * Who sees and works on a stock-take, per site: readers and managers see it,
 * counters (assets:count) see it to count, managers count too and alone
 * start, close and cancel.
 */

export const STOCKTAKE = { zh: '盘点', en: 'Stock-take' };

const SEERS = [AssetsP.read, AssetsP.manage, AssetsP.count, AssetsP.approve];

export const maySee = (actor: Actor, siteId: string) =>
  SEERS.some((p) => actor.access.hasAt(p, siteId));
export const mayCount = (actor: Actor, siteId: string) =>
  actor.access.hasAt(AssetsP.count, siteId) || actor.access.hasAt(AssetsP.manage, siteId);
export const mayManage = (actor: Actor, siteId: string) =>
  actor.access.hasAt(AssetsP.manage, siteId);

/** Sites whose stock-takes the user sees ('all' for an org-wide grant). */
export function seenSites(actor: Actor): 'all' | string[] {
  const scopes = SEERS.map((p) => actor.access.siteScope(p));
  if (scopes.includes('all')) return 'all';
  return [...new Set(scopes.flatMap((s) => s as readonly string[]))];
}

/** The campaign row, or a 404 for an unknown one or one at a site the user does not see. */
export async function loadStocktake(db: DbOrTx, actor: Actor, id: string) {
  const row = await db
    .selectFrom('ast_stocktakes')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !maySee(actor, row.site_id)) throw notFound(STOCKTAKE);
  return row;
}
export type StocktakeRow = Awaited<ReturnType<typeof loadStocktake>>;
