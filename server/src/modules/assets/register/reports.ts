import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/database.ts';
import { dialectOf } from '../../../platform/db/dialect.ts';
import type { AstAssetsTable } from '../tables.ts';
import { monthLabel, monthlyCharge } from '../depreciation.ts';
import { netValueSql } from '../net-value-sql.ts';
import { orgTimeZone, startOfLocalDay } from '../operations/index.ts';
import {
  depreciableOfTerms,
  endOfLocalDay,
  notDisposedBefore,
  onBooksBy,
  startMonth,
  withoutJit,
} from './on-books.ts';
import {
  cardsThatMayHaveBeenAt,
  departmentAt,
  monthsAt,
  reportSites,
  siteAt,
  visibleThen,
} from './history.ts';
import { assetVisibility, seesNothing, visibleAssets } from './visibility.ts';

/*
 * Register reports: the register by department on a date (count, original
 * and net value) and the depreciation schedule of a year. Each reads the
 * visible cards in one grouped query, by the terms its figures depend on
 * (on-books.ts: when a card is on the books, by the organisation's calendar
 * day), and computes a group's figures once with depreciation.ts, times its
 * count: the totals are exactly the sums of the cards' own figures, and a
 * register of identical batches collapses to a few rows (at worst a row per
 * card). One pass over the cards: keyset pages ordered by id made SQLite
 * sort the organisation's cards again for every page (3 s at 100,000).
 */

type From = Database & { a: AstAssetsTable };
type Scope = { siteId?: string | undefined; categoryId?: string | undefined };

/**
 * Every card of the organisation, for a report that reads them all. On
 * SQLite not through an index led by org_id (unary plus: an expression, not
 * the column): the planner, without statistics, took one whose order made
 * every card a random read of the table; in the table's own order the same
 * sums took 0.34 s instead of 0.60 s at 300,000 cards.
 */
const ofOrganisation = (db: DbOrTx, orgId: string) => (eb: ExpressionBuilder<From, 'a'>) =>
  dialectOf(db) === 'sqlite' ? eb(sql<string>`+a.org_id`, '=', orgId) : eb('a.org_id', '=', orgId);

/**
 * The visible cards on the books at the end of `asOf` (the instant `cut`, the
 * start of the next day in the organisation's time zone), summed in one
 * query by the department each card was with then: count, items, original
 * value and net value, the last by net-value-sql.ts (depreciation.ts's rule
 * in SQL, checked card by card against it), so the figures are exactly the
 * sums of the cards' own. Measured on 300,000 cards in SQLite: 0.8 s against
 * 1.3 s when the cards were grouped by their depreciation terms and each
 * group's value computed in Node — at that size nearly a group per card,
 * every one read into Node.
 *
 * The site filter and the user's sites are the card's site then
 * (history.ts), so a campus's year end stays as it was when cards later move
 * to another campus; the history subqueries run once per card.
 */
async function sumsOnDate(
  db: DbOrTx,
  actor: Actor,
  siteId: string | undefined,
  asOf: string,
  cut: string,
) {
  const visibility = await assetVisibility(db, actor);
  if (seesNothing(visibility)) return [];
  // The sites asked about, or all the user reads: their cards are found by index.
  const sites = reportSites(visibility, siteId);
  const cards = db
    .selectFrom('ast_assets as a')
    .select([
      // Only a report of some sites reads the site then (two more seeks per card).
      (sites !== null || visibility.sites !== 'all'
        ? siteAt(actor.orgId, cut)
        : sql<string>`a.site_id`
      ).as('site_on'),
      departmentAt(actor.orgId, cut).as('department_on'),
      'a.custodian_person_id',
      'a.quantity',
      'a.original_value_fen',
      netValueSql(asOf).as('net_value_fen'),
    ])
    .where(sites ? cardsThatMayHaveBeenAt(actor.orgId, sites) : ofOrganisation(db, actor.orgId))
    .where('a.status', 'not in', ['pending', 'void'])
    // Disposed on or before the date: gone (it was on the books only until then).
    .where(notDisposedBefore(cut))
    .where(onBooksBy(asOf, cut));
  const rows = await withoutJit(db, (db) =>
    db
      .selectFrom(cards.as('c'))
      .where(visibleThen(visibility, { sites: ['c.site_on'], department: 'c.department_on' }))
      .$if(siteId !== undefined, (q) => q.where('c.site_on', '=', siteId!))
      .select('c.department_on')
      .select((eb) => [
        eb.fn.countAll().as('count'),
        eb.fn.sum('c.quantity').as('quantity'),
        eb.fn.sum('c.original_value_fen').as('original_value_fen'),
        eb.fn.sum('c.net_value_fen').as('net_value_fen'),
      ])
      .groupBy('c.department_on')
      .execute(),
  );
  return rows.map((r) => ({
    // '' is "known to be with no department" (history.ts departmentAt).
    departmentId: r.department_on === '' ? null : (r.department_on ?? null),
    sum: {
      count: Number(r.count),
      quantity: Number(r.quantity),
      originalValueFen: Number(r.original_value_fen),
      netValueFen: Number(r.net_value_fen),
    },
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
  const cut = endOfLocalDay(await orgTimeZone(db, actor.orgId), q.asOf);
  const sums = await sumsOnDate(db, actor, q.siteId, q.asOf, cut);
  const totals = zero();
  for (const { sum } of sums) {
    totals.count += sum.count;
    totals.quantity += sum.quantity;
    totals.originalValueFen += sum.originalValueFen;
    totals.netValueFen += sum.netValueFen;
  }
  const ids = sums.map((s) => s.departmentId).filter((id): id is string => id !== null);
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
  const rows = sums
    .map(({ departmentId: id, sum }) => ({
      department: id
        ? { id, code: names.get(id)?.code ?? '', name: names.get(id)?.name ?? '' }
        : null,
      ...sum,
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
 * The month of the year (0–11) a card was disposed in, by the organisation's
 * calendar: `starts` are the instants its 13 months begin (January 1 to the
 * next January 1). NULL: not disposed within the year (never, or later).
 */
function disposalMonth(starts: readonly string[]) {
  const months = starts
    .slice(1)
    .map((end, i) => sql`when a.disposed_at < ${end} then ${sql.lit(i)}`);
  return sql<number | null>`case ${sql.join(months, sql` `)} else null end`;
}

/**
 * The visible cards on the books at some time of a year (`starts`: its
 * months' first instants, as in `disposalMonth`), in one grouped query: by
 * category and the terms that decide each monthly charge (original value,
 * method, life, residual, month of its start, month of its disposal).
 * Measured at 100,000 cards in batches of 50 (about 2,000 groups): 0.15 s on
 * SQLite and 0.25 s on PostgreSQL, against 3–7 s and 1–1.5 s in keyset
 * pages; with a group per card, 0.65 s on either.
 */
async function chargeGroups(
  db: DbOrTx,
  actor: Actor,
  scope: Scope,
  year: number,
  starts: string[],
) {
  const visibility = await assetVisibility(db, actor);
  if (seesNothing(visibility)) return [];
  // Of some sites (asked for, or all the user reads): each month is charged
  // where the card was at its end (history.ts monthsAt), so a card moved in
  // June charges its first months to the campus it left. A department head
  // or custodian keeps today's view of their cards.
  const wanted = scope.siteId ? [scope.siteId] : visibility.sites;
  const sites =
    visibility.departmentId || visibility.personId || wanted === 'all'
      ? null
      : visibility.sites === 'all'
        ? wanted
        : wanted.filter((s) => visibility.sites.includes(s));
  let cards = db
    .selectFrom('ast_assets as a')
    .select([
      'a.category_id',
      'a.original_value_fen',
      'a.depreciation_method',
      'a.life_months',
      'a.residual_bp',
      startMonth().as('start_month'),
      disposalMonth(starts).as('last_month'),
      (sites ? monthsAt(actor.orgId, starts.slice(1), sites) : sql<string | null>`null`).as(
        'months_here',
      ),
    ])
    .where(sites ? cardsThatMayHaveBeenAt(actor.orgId, sites) : ofOrganisation(db, actor.orgId))
    .where('a.status', 'not in', ['pending', 'void'])
    // Disposed before the year began: off the books for all of it.
    .where(notDisposedBefore(starts[0]!))
    .where(onBooksBy(`${year}-12-31`, starts[12]!));
  if (!sites) {
    cards = cards.where(visibleAssets(visibility));
    if (scope.siteId) cards = cards.where('a.site_id', '=', scope.siteId);
  }
  if (scope.categoryId) cards = cards.where('a.category_id', '=', scope.categoryId);
  const keys = [
    'c.category_id',
    'c.original_value_fen',
    'c.depreciation_method',
    'c.life_months',
    'c.residual_bp',
    'c.start_month',
    'c.last_month',
    'c.months_here',
  ] as const;
  const rows =
    sites?.length === 0
      ? []
      : await withoutJit(db, (db) =>
          db
            .selectFrom(cards.as('c'))
            .select(keys)
            .select((eb) => eb.fn.countAll().as('count'))
            .groupBy(keys)
            .execute(),
        );
  return rows.map((r) => ({
    categoryId: r.category_id,
    count: Number(r.count),
    /** The last month charged (当月减少当月照提); 11 when not disposed within the year. */
    lastMonth: r.last_month === null ? 11 : Number(r.last_month),
    /** Whether month i is charged here: always, without a site scope. */
    here: (i: number) => r.months_here === null || r.months_here[i] === '1',
    depreciable: depreciableOfTerms(r),
  }));
}

/**
 * 折旧明细: each category's monthly charges over a calendar year (months a
 * card is disposed in are still charged — 当月减少当月照提 — later ones not),
 * and how many cards were charged. Months and disposals are the
 * organisation's calendar months. Of a campus, a month is charged where the
 * card was when it ended (chargeGroups).
 */
export async function depreciationReport(
  db: DbOrTx,
  actor: Actor,
  q: { year: number; siteId?: string | undefined; categoryId?: string | undefined },
) {
  const months = Array.from({ length: 12 }, (_, i) => monthLabel(q.year * 12 + i));
  const timeZone = await orgTimeZone(db, actor.orgId);
  const starts = Array.from({ length: 13 }, (_, i) =>
    startOfLocalDay(timeZone, `${monthLabel(q.year * 12 + i)}-01`),
  );
  const byCategory = new Map<string, { count: number; months: number[] }>();
  const totalMonths = months.map(() => 0);
  let count = 0;
  for (const g of await chargeGroups(db, actor, q, q.year, starts)) {
    const charges = months.map((m, i) =>
      i <= g.lastMonth && g.here(i) ? monthlyCharge(g.depreciable, m) : 0,
    );
    if (charges.every((c) => c === 0)) continue;
    const c = byCategory.get(g.categoryId) ?? { count: 0, months: months.map(() => 0) };
    c.count += g.count;
    count += g.count;
    charges.forEach((v, i) => {
      c.months[i]! += g.count * v;
      totalMonths[i]! += g.count * v;
    });
    byCategory.set(g.categoryId, c);
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
