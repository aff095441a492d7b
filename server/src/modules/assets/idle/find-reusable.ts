import type { DbOrTx } from '../../../platform/db/connect.ts';
import { assetNetValue, localToday, orgTimeZone } from '../operations/index.ts';
import { categorySubtree } from './categories.ts';
import { REUSABLE_CONDITIONS } from './schema.ts';

export const CONDITION_RANK: Record<string, number> = { good: 0, fair: 1 };

export type ReusableAsset = {
  id: string;
  tagNo: string;
  name: string;
  siteId: string;
  condition: string;
  netValueFen: number;
  originalValueFen: number;
};

export type Reusable = {
  categoryId: string;
  quantity: number;
  /** How many idle assets of the category (and its sub-categories) could be used. */
  available: number;
  enough: boolean;
  /** The best `quantity` of them (good before fair, then by tag), and their net value. */
  assets: ReusableAsset[];
  netValueFen: number;
};

type ReusableQuery = {
  categoryId: string;
  siteId?: string | undefined;
  siteIds?: readonly string[];
  /** One of REUSABLE_CONDITIONS only; omitted: both. */
  condition?: (typeof REUSABLE_CONDITIONS)[number] | undefined;
  /** The category alone, without its sub-categories (a pool group). */
  exactCategory?: boolean | undefined;
};

/**
 * Every idle asset of a category subtree (or of the category alone) fit for
 * reuse — good or fair, not held by any operation — best first: good before
 * fair, then by tag.
 */
export async function reusableAssets(
  db: DbOrTx,
  orgId: string,
  q: ReusableQuery,
): Promise<ReusableAsset[]> {
  const subtree = await categorySubtree(db, orgId, q.categoryId);
  // The subtree's query also proves the category is the organisation's.
  const categories = q.exactCategory ? subtree.filter((id) => id === q.categoryId) : subtree;
  if (categories.length === 0 || (q.siteIds && q.siteIds.length === 0)) return [];
  let query = db
    .selectFrom('ast_assets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'idle')
    .where('category_id', 'in', categories)
    .where('condition', 'in', q.condition ? [q.condition] : REUSABLE_CONDITIONS)
    .where('open_operation_id', 'is', null);
  if (q.siteId) query = query.where('site_id', '=', q.siteId);
  if (q.siteIds) query = query.where('site_id', 'in', q.siteIds);
  const rows = await query.orderBy('tag_no').execute();
  const today = localToday(await orgTimeZone(db, orgId));
  // A stable sort: by tag within each condition.
  return rows
    .sort((a, b) => (CONDITION_RANK[a.condition] ?? 9) - (CONDITION_RANK[b.condition] ?? 9))
    .map((a) => ({
      id: a.id,
      tagNo: a.tag_no,
      name: a.name,
      siteId: a.site_id,
      condition: a.condition,
      netValueFen: assetNetValue(a, today),
      originalValueFen: Number(a.original_value_fen),
    }));
}

/**
 * Reuse before buying (summary 4: beds taken from stock instead of bought):
 * idle assets of a category in good or fair condition, not held by any
 * operation. The purchasing module calls this before a purchase request of
 * that category goes on.
 */
export async function findReusable(
  db: DbOrTx,
  orgId: string,
  q: ReusableQuery & { quantity: number },
): Promise<Reusable> {
  const all = await reusableAssets(db, orgId, q);
  const picked = all.slice(0, q.quantity);
  return {
    categoryId: q.categoryId,
    quantity: q.quantity,
    available: all.length,
    enough: all.length >= q.quantity,
    assets: picked,
    netValueFen: picked.reduce((s, a) => s + a.netValueFen, 0),
  };
}
