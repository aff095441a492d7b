import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { dialectOf } from '../../../platform/db/dialect.ts';
import { monthLabel, monthIndex, monthlyCharge, netValue } from '../depreciation.ts';
import { addDays, orgTimeZone, startOfLocalDay } from '../operations/index.ts';
import { depreciableOf } from './repository.ts';
import { assetVisibility, seesNothing, visibleAssets } from './visibility.ts';

/*
 * Register reports: the register by department on a date (count, original
 * and net value) and the depreciation schedule of a year. Values are
 * computed from depreciation.ts, so the totals are exactly the sums of the
 * cards' own figures. The register report reads the cards in one grouped
 * query (`groupsOnDate`); the depreciation schedule reads them in keyset
 * pages of a few thousand with only the columns the sums need.
 */

const PAGE = 5000;

type Scope = { siteId?: string | undefined; categoryId?: string | undefined };

/** Every visible card on the books at some time between `from` and `to`, page by page. */
async function* cardsOnBooks(db: DbOrTx, actor: Actor, scope: Scope, from: string, to: string) {
  const visibility = await assetVisibility(db, actor);
  if (seesNothing(visibility)) return;
  let after: string | null = null;
  for (;;) {
    let q = db
      .selectFrom('ast_assets as a')
      .select([
        'a.id',
        'a.category_id',
        'a.quantity',
        'a.original_value_fen',
        'a.depreciation_method',
        'a.life_months',
        'a.residual_bp',
        'a.in_service_date',
        'a.purchase_date',
        'a.disposed_at',
        'a.created_at',
      ])
      .where('a.org_id', '=', actor.orgId)
      .where(visibleAssets(visibility))
      .where('a.status', 'not in', ['pending', 'void'])
      // Disposed before the period began: off the books for all of it.
      .where((eb) => eb.or([eb('a.disposed_at', 'is', null), eb('a.disposed_at', '>=', from)]))
      .orderBy('a.id')
      .limit(PAGE);
    if (after) q = q.where('a.id', '>', after);
    if (scope.siteId) q = q.where('a.site_id', '=', scope.siteId);
    if (scope.categoryId) q = q.where('a.category_id', '=', scope.categoryId);
    const page = await q.execute();
    if (page.length === 0) return;
    // On the books from its in-service (or purchase) date: a register moved in from the old
    // system keeps its history; a card without dates counts from its registration.
    const rows = page.filter(
      (r) => (r.in_service_date ?? r.purchase_date ?? r.created_at.slice(0, 10)) <= to,
    );
    yield rows;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/*
 * The using department a card had at an instant, from its timeline. Every
 * change of department is an operation taking effect (领用 assign, 调拨
 * transfer — an idle request is one —, 交回 release; the card edit refuses
 * the field, stock-take adjustments move places only), and each writes an
 * ast_events row at the moment it took effect whose data holds
 * `department_id: { from, to }` exactly when the department changed
 * (apply-operation.ts `changes`). So a card's department at `cut` is:
 *
 * 1. the `to` of its last such event before `cut`;
 * 2. else the `from` of its first such event from `cut` on: the department
 *    it had from its registration until that first change;
 * 3. else its current department: it never changed, so it is the one it
 *    was registered with. This is also the fallback for a card whose
 *    history does not reach back (written before timelines were kept, with
 *    no event naming a department change): it is counted under the
 *    department it is with now, for want of anything better.
 *
 * Each branch is a "latest per card" subquery, one seek on the partial
 * index ast_events_department_ix (org, card, instant of department changes
 * only; migration 0012) — its predicate is written here exactly as there,
 * which SQLite needs to use it. A known "no department" (released to the
 * idle pool) is '' so that it is told apart from "no event" (NULL) by
 * coalesce. The same text runs on SQLite (3.38+ `->`, `->>` on JSON text)
 * and PostgreSQL (jsonb). A card's events never share an instant: each is a
 * separate operation taking effect on a versioned row.
 *
 * Not a window over the organisation's changes joined to the cards: SQLite
 * (no statistics) then chose between indexing the window's rows and
 * scanning them for every card by the shape of the query (23 s against
 * 0.1 s at 20,000 cards); a subquery per card is the same plan every time.
 */
function departmentAt(cut: string) {
  const changes = sql`from ast_events e where e.org_id = a.org_id and e.asset_id = a.id
    and (e.data -> 'department_id') is not null`;
  return sql<string | null>`coalesce(
    (select coalesce(e.data -> 'department_id' ->> 'to', '') ${changes}
      and e.at < ${cut} order by e.at desc limit 1),
    (select coalesce(e.data -> 'department_id' ->> 'from', '') ${changes}
      and e.at >= ${cut} order by e.at limit 1),
    cast(a.department_id as text))`;
}

/**
 * Runs a read with PostgreSQL's JIT compilation off (for its transaction
 * only). The subqueries per card make the planner's cost estimate large
 * (1.4 million at 100,000 cards), past the thresholds at which it compiles
 * and optimises the query: 1–1.7 s of compiling for 0.7 s of work. SQLite,
 * and a caller's own transaction, run `read` as it is.
 */
async function withoutJit<T>(db: DbOrTx, read: (db: DbOrTx) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres' || db.isTransaction) return read(db);
  return (db as Db).transaction().execute(async (tx) => {
    await sql`set local jit = off`.execute(tx);
    return read(tx);
  });
}

/**
 * The visible cards on the books at the end of `asOf` (the instant `cut`, the
 * start of the next day in the organisation's time zone), in one grouped
 * query: by the department each card was with then and by the terms its net
 * value depends on (original value, method, life, residual, month of its
 * start — depreciation.ts counts whole months). Cards of a group have the
 * same net value, so the sums are exactly those of the cards' own figures;
 * a register of identical batches collapses to a few rows, and at worst
 * there is a row per card. One pass over the cards, with the department
 * subqueries run once per card: keyset pages ordered by id made SQLite sort
 * the organisation's cards again for every page (3 s at 100,000 cards).
 */
async function groupsOnDate(db: DbOrTx, actor: Actor, scope: Scope, asOf: string, cut: string) {
  const visibility = await assetVisibility(db, actor);
  if (seesNothing(visibility)) return [];
  let cards = db
    .selectFrom('ast_assets as a')
    .select([
      departmentAt(cut).as('department_on'),
      'a.quantity',
      'a.original_value_fen',
      'a.depreciation_method',
      'a.life_months',
      'a.residual_bp',
      sql<
        string | null
      >`substr(cast(coalesce(a.in_service_date, a.purchase_date) as text), 1, 7)`.as('start_month'),
    ])
    .where('a.org_id', '=', actor.orgId)
    .where(visibleAssets(visibility))
    .where('a.status', 'not in', ['pending', 'void'])
    // Disposed on or before the date: gone (it was on the books only until then).
    .where((eb) => eb.or([eb('a.disposed_at', 'is', null), eb('a.disposed_at', '>=', cut)]))
    // On the books from its in-service (or purchase) date: a register moved in from the old
    // system keeps its history; a card without dates counts from its registration.
    .where((eb) =>
      eb.or([
        eb('a.in_service_date', '<=', asOf),
        eb.and([
          eb('a.in_service_date', 'is', null),
          eb.or([
            eb('a.purchase_date', '<=', asOf),
            eb.and([eb('a.purchase_date', 'is', null), eb('a.created_at', '<', cut)]),
          ]),
        ]),
      ]),
    );
  if (scope.siteId) cards = cards.where('a.site_id', '=', scope.siteId);
  const keys = [
    'c.department_on',
    'c.original_value_fen',
    'c.depreciation_method',
    'c.life_months',
    'c.residual_bp',
    'c.start_month',
  ] as const;
  const rows = await withoutJit(db, (db) =>
    db
      .selectFrom(cards.as('c'))
      .select(keys)
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.sum('c.quantity').as('quantity')])
      .groupBy(keys)
      .execute(),
  );
  return rows.map((r) => ({
    // '' is "known to be with no department" (departmentAt).
    departmentId: r.department_on === '' ? null : (r.department_on ?? null),
    count: Number(r.count),
    quantity: Number(r.quantity),
    depreciable: depreciableOf({
      original_value_fen: r.original_value_fen,
      depreciation_method: r.depreciation_method,
      life_months: r.life_months,
      residual_bp: r.residual_bp,
      // A month stands for its date: depreciation starts the month after (当月增加当月不提).
      in_service_date: r.start_month,
      purchase_date: null,
    }),
  }));
}

type Sum = { count: number; quantity: number; originalValueFen: number; netValueFen: number };
const zero = (): Sum => ({ count: 0, quantity: 0, originalValueFen: 0, netValueFen: 0 });

/**
 * 资产台账汇总: by using department (and "no department" — the idle pool),
 * the cards on the books at the end of `asOf`: count, quantity, original and
 * net value. A card is counted under the department it was with at the end
 * of that day (`departmentAt`), so a transfer in March leaves the figures of
 * the year end before it as they were.
 */
export async function registerReport(
  db: DbOrTx,
  actor: Actor,
  q: { asOf: string; siteId?: string | undefined },
) {
  const byDepartment = new Map<string | null, Sum>();
  const totals = zero();
  const cut = startOfLocalDay(await orgTimeZone(db, actor.orgId), addDays(q.asOf, 1));
  for (const g of await groupsOnDate(db, actor, q, q.asOf, cut)) {
    const s = byDepartment.get(g.departmentId) ?? zero();
    const net = netValue(g.depreciable, q.asOf);
    for (const t of [s, totals]) {
      t.count += g.count;
      t.quantity += g.quantity;
      t.originalValueFen += g.count * g.depreciable.originalValueFen;
      t.netValueFen += g.count * net;
    }
    byDepartment.set(g.departmentId, s);
  }
  const ids = [...byDepartment.keys()].filter((id): id is string => id !== null);
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .selectFrom('departments')
            .select(['id', 'code', 'name'])
            .where('org_id', '=', actor.orgId)
            .where('id', 'in', ids)
            .execute()
        ).map((d) => [d.id, d]),
  );
  const rows = [...byDepartment.entries()]
    .map(([id, s]) => ({
      department: id
        ? { id, code: names.get(id)?.code ?? '', name: names.get(id)?.name ?? '' }
        : null,
      ...s,
    }))
    .sort((a, b) =>
      a.department === null
        ? 1
        : b.department === null
          ? -1
          : a.department.code.localeCompare(b.department.code),
    );
  return { asOf: q.asOf, rows, totals };
}

/**
 * 折旧明细: each category's monthly charges over a calendar year (months a
 * card is disposed in are still charged — 当月减少当月照提 — later ones not).
 */
export async function depreciationReport(
  db: DbOrTx,
  actor: Actor,
  q: { year: number; siteId?: string | undefined; categoryId?: string | undefined },
) {
  const months = Array.from({ length: 12 }, (_, i) => monthLabel(q.year * 12 + i));
  const byCategory = new Map<string, { count: number; months: number[] }>();
  const totalMonths = months.map(() => 0);
  let count = 0;
  for await (const rows of cardsOnBooks(db, actor, q, `${q.year}-01-01`, `${q.year}-12-31`)) {
    for (const r of rows) {
      const dep = depreciableOf(r);
      const last = r.disposed_at ? monthIndex(r.disposed_at.slice(0, 7)) : Infinity;
      const charges = months.map((m) => (monthIndex(m) <= last ? monthlyCharge(dep, m) : 0));
      if (charges.every((c) => c === 0)) continue;
      const c = byCategory.get(r.category_id) ?? { count: 0, months: months.map(() => 0) };
      c.count += 1;
      count += 1;
      charges.forEach((v, i) => {
        c.months[i]! += v;
        totalMonths[i]! += v;
      });
      byCategory.set(r.category_id, c);
    }
  }
  const cats = await db
    .selectFrom('ast_categories')
    .select(['id', 'code', 'name'])
    .where('org_id', '=', actor.orgId)
    .execute();
  const info = new Map(cats.map((c) => [c.id, c]));
  const rows = [...byCategory.entries()]
    .map(([id, c]) => ({
      category: { id, code: info.get(id)?.code ?? '', name: info.get(id)?.name ?? '' },
      count: c.count,
      months: c.months,
      totalFen: c.months.reduce((s, v) => s + v, 0),
    }))
    .sort((a, b) => a.category.code.localeCompare(b.category.code));
  return {
    year: q.year,
    months,
    rows,
    totals: { count, months: totalMonths, totalFen: totalMonths.reduce((s, v) => s + v, 0) },
  };
}
