import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { forbidden } from '../../../platform/errors.ts';
import { fullSites, localToday, orgTimeZone } from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import { categorySubtree } from './categories.ts';
import { netValueSql } from '../net-value-sql.ts';
import type { IdlePoolFilter, IdlePoolQueryInput, IdlePoolSort } from './schema.ts';

/** Sites whose idle pool a user sees: readers, managers, approvers, and department heads. */
export function idleSites(actor: Actor): 'all' | string[] {
  const full = fullSites(actor);
  const sign = actor.access.siteScope(AssetsP.sign);
  if (full === 'all' || sign === 'all') return 'all';
  return [...new Set([...full, ...sign])];
}

export type IdleGroup = {
  category: { id: string; name: string };
  condition: string;
  count: number;
  quantity: number;
  netValueFen: number;
  originalValueFen: number;
};
export type IdleTotals = Omit<IdleGroup, 'category' | 'condition'>;

const CONDITION_RANK = sql<number>`case a.condition when 'good' then 0 when 'fair' then 1 when 'poor' then 2 when 'damaged' then 3 else 4 end`;

/**
 * The pool's cards, one row each with what the groups sum: idle, not held by
 * an operation under way, of the organisation, at the sites the viewer sees
 * (and the filter's site and category subtree). The filter on
 * (org_id, status) is served by ast_assets_status_ix (org_id, status,
 * category_id). Null: the filter matches nothing (an unknown category).
 */
async function poolCards(db: DbOrTx, actor: Actor, q: IdlePoolFilter, today: string) {
  const sites = idleSites(actor);
  if (sites !== 'all' && sites.length === 0) throw forbidden();
  let query = db
    .selectFrom('ast_assets as a')
    .innerJoin('ast_categories as c', 'c.id', 'a.category_id')
    .select([
      'a.category_id',
      'c.name as category_name',
      'c.sort_order',
      'c.code as category_code',
      'a.condition',
      CONDITION_RANK.as('condition_rank'),
      'a.quantity',
      'a.original_value_fen',
      netValueSql(today).as('net_value'),
    ])
    .where('a.org_id', '=', actor.orgId)
    .where('a.status', '=', 'idle')
    .where('a.open_operation_id', 'is', null);
  if (sites !== 'all') query = query.where('a.site_id', 'in', sites);
  if (q.siteId) query = query.where('a.site_id', '=', q.siteId);
  if (q.categoryId) {
    const ids = await categorySubtree(db, actor.orgId, q.categoryId);
    if (ids.length === 0) return null;
    query = query.where('a.category_id', 'in', ids);
  }
  return query;
}

/** Each sort as expressions over the grouped cards `p`. */
const SORTS = {
  category: [sql`min(p.sort_order)`, sql`min(p.category_code)`, sql`min(p.category_name)`],
  condition: [sql`min(p.condition_rank)`],
  count: [sql`count(*)`],
  quantity: [sql`sum(p.quantity)`],
  netValue: [sql`sum(p.net_value)`],
  originalValue: [sql`sum(p.original_value_fen)`],
} as const;

/** The asked sort first, in the asked direction; ties by the category tree's order, then condition (good → damaged). */
function orderOf(q: Pick<IdlePoolSort, 'sort' | 'order'>) {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  return sql.join([
    ...SORTS[q.sort].map((k) => sql`${k} ${dir}`),
    ...SORTS.category,
    ...SORTS.condition,
    sql`p.category_id`,
  ]);
}

type GroupRow = {
  category_id: string;
  category_name: string;
  condition: string;
  count: number | string;
  quantity: number | string | null;
  original: number | string | null;
  net: number | string | null;
};

const num = (v: number | string | null | undefined) => Number(v ?? 0);
const groupOf = (r: GroupRow): IdleGroup => ({
  category: { id: r.category_id, name: r.category_name },
  condition: r.condition,
  count: num(r.count),
  quantity: num(r.quantity),
  netValueFen: num(r.net),
  originalValueFen: num(r.original),
});
const zero = (): IdleTotals => ({ count: 0, quantity: 0, netValueFen: 0, originalValueFen: 0 });

type Cards = NonNullable<Awaited<ReturnType<typeof poolCards>>>;

/** The groups (category × condition) in the asked order, optionally one page of them, with overall figures. */
function groupsQuery(
  db: DbOrTx,
  cards: Cards,
  q: Pick<IdlePoolSort, 'sort' | 'order'>,
  page?: { limit: number; offset: number },
) {
  let query = db
    .selectFrom(cards.as('p'))
    .select([
      sql<string>`p.category_id`.as('category_id'),
      sql<string>`min(p.category_name)`.as('category_name'),
      sql<string>`p.condition`.as('condition'),
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(p.quantity)`.as('quantity'),
      sql<number>`sum(p.original_value_fen)`.as('original'),
      sql<number>`sum(p.net_value)`.as('net'),
      // Window aggregates over all groups, computed before the page is cut: one scan.
      sql<number>`count(*) over ()`.as('all_groups'),
      sql<number>`sum(count(*)) over ()`.as('all_count'),
      sql<number>`sum(sum(p.quantity)) over ()`.as('all_quantity'),
      sql<number>`sum(sum(p.original_value_fen)) over ()`.as('all_original'),
      sql<number>`sum(sum(p.net_value)) over ()`.as('all_net'),
    ])
    .groupBy([sql`p.category_id`, sql`p.condition`])
    .orderBy(orderOf(q));
  if (page) query = query.limit(page.limit).offset(page.offset);
  return query;
}

/** What the groups add up to (a page past the last one still shows them). */
async function poolTotals(db: DbOrTx, cards: Cards) {
  const r = await db
    .selectFrom(cards.as('p'))
    .select([
      sql<number>`count(distinct p.category_id || '/' || p.condition)`.as('groups'),
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(p.quantity)`.as('quantity'),
      sql<number>`sum(p.original_value_fen)`.as('original'),
      sql<number>`sum(p.net_value)`.as('net'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: num(r.groups),
    totals: {
      count: num(r.count),
      quantity: num(r.quantity),
      netValueFen: num(r.net),
      originalValueFen: num(r.original),
    },
  };
}

/**
 * The idle pool (闲置资产) by category and condition: how many cards, how
 * many items, and what they are worth, so a department looks here before
 * asking to buy. Assets held by an operation under way are not offered.
 * Grouped, summed (net value too: net-value-sql.ts), sorted and paged in
 * SQL; `total` counts groups and `totals` add up every group, not the page.
 */
export async function idlePool(db: DbOrTx, actor: Actor, q: IdlePoolQueryInput) {
  const empty = { groups: [], total: 0, page: q.page, pageSize: q.pageSize, totals: zero() };
  const today = localToday(await orgTimeZone(db, actor.orgId));
  const cards = await poolCards(db, actor, q, today);
  if (!cards) return empty;
  const rows = await groupsQuery(db, cards, q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  }).execute();
  const first = rows[0];
  if (!first) return q.page === 1 ? empty : { ...empty, ...(await poolTotals(db, cards)) };
  return {
    groups: rows.map(groupOf),
    total: num(first.all_groups),
    page: q.page,
    pageSize: q.pageSize,
    totals: {
      count: num(first.all_count),
      quantity: num(first.all_quantity),
      netValueFen: num(first.all_net),
      originalValueFen: num(first.all_original),
    },
  };
}

/** Every group of the pool in the asked order, and the overall figures (the export). */
export async function idlePoolAll(
  db: DbOrTx,
  actor: Actor,
  q: IdlePoolFilter & IdlePoolSort,
): Promise<{ groups: IdleGroup[]; totals: IdleTotals; today: string }> {
  const today = localToday(await orgTimeZone(db, actor.orgId));
  const cards = await poolCards(db, actor, q, today);
  if (!cards) return { groups: [], totals: zero(), today };
  const rows = await groupsQuery(db, cards, q).execute();
  const first = rows[0];
  return {
    groups: rows.map(groupOf),
    totals: first
      ? {
          count: num(first.all_count),
          quantity: num(first.all_quantity),
          netValueFen: num(first.all_net),
          originalValueFen: num(first.all_original),
        }
      : zero(),
    today,
  };
}
