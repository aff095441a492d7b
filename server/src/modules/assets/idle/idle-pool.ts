import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forbidden } from '../../../platform/errors.ts';
import { assetNetValue, fullSites, localToday, orgTimeZone } from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import { categorySubtree } from './categories.ts';

/** Sites whose idle pool a user sees: readers, managers, approvers, and department heads. */
export function idleSites(actor: Actor): 'all' | string[] {
  const full = fullSites(actor);
  const sign = actor.access.siteScope(AssetsP.sign);
  if (full === 'all' || sign === 'all') return 'all';
  return [...new Set([...full, ...sign])];
}

/**
 * The idle pool (闲置资产) by category and condition: how many cards, how
 * many items, and what they are worth, so a department looks here before
 * asking to buy. Assets held by an operation under way are not offered.
 */
export async function idlePool(
  db: DbOrTx,
  actor: Actor,
  q: { siteId?: string | undefined; categoryId?: string | undefined },
) {
  const sites = idleSites(actor);
  if (sites !== 'all' && sites.length === 0) throw forbidden();
  let query = db
    .selectFrom('ast_assets as a')
    .innerJoin('ast_categories as c', 'c.id', 'a.category_id')
    .select([
      'a.category_id',
      'c.name as category_name',
      'a.condition',
      'a.quantity',
      'a.original_value_fen',
      'a.depreciation_method',
      'a.life_months',
      'a.residual_bp',
      'a.in_service_date',
      'a.purchase_date',
    ])
    .where('a.org_id', '=', actor.orgId)
    .where('a.status', '=', 'idle')
    .where('a.open_operation_id', 'is', null);
  if (sites !== 'all') query = query.where('a.site_id', 'in', sites);
  if (q.siteId) query = query.where('a.site_id', '=', q.siteId);
  if (q.categoryId) {
    const ids = await categorySubtree(db, actor.orgId, q.categoryId);
    if (ids.length === 0) return { groups: [] };
    query = query.where('a.category_id', 'in', ids);
  }
  const rows = await query.execute();
  const today = localToday(await orgTimeZone(db, actor.orgId));
  const groups = new Map<
    string,
    {
      category: { id: string; name: string };
      condition: string;
      count: number;
      quantity: number;
      netValueFen: number;
      originalValueFen: number;
    }
  >();
  for (const r of rows) {
    const key = `${r.category_id}/${r.condition}`;
    const g = groups.get(key) ?? {
      category: { id: r.category_id, name: r.category_name },
      condition: r.condition,
      count: 0,
      quantity: 0,
      netValueFen: 0,
      originalValueFen: 0,
    };
    g.count += 1;
    g.quantity += r.quantity;
    g.netValueFen += assetNetValue(r, today);
    g.originalValueFen += Number(r.original_value_fen);
    groups.set(key, g);
  }
  const order = ['good', 'fair', 'poor', 'damaged'];
  return {
    groups: [...groups.values()].sort(
      (a, b) =>
        a.category.name.localeCompare(b.category.name, 'zh') ||
        order.indexOf(a.condition) - order.indexOf(b.condition),
    ),
  };
}
