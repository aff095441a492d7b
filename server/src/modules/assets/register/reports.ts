import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { monthLabel, monthIndex, monthlyCharge, netValue } from '../depreciation.ts';
import { depreciableOf } from './repository.ts';
import { assetVisibility, seesNothing, visibleAssets } from './visibility.ts';

/*
 * Register reports: the register by department on a date (count, original
 * and net value) and the depreciation schedule of a year. Values are
 * computed per card from depreciation.ts, so the totals are exactly the sums
 * of the cards' own figures; cards are read in keyset pages of a few
 * thousand with only the columns the sums need.
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
        'a.department_id',
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

type Sum = { count: number; quantity: number; originalValueFen: number; netValueFen: number };
const zero = (): Sum => ({ count: 0, quantity: 0, originalValueFen: 0, netValueFen: 0 });

/**
 * 资产台账汇总: by using department (and "no department" — the idle pool),
 * the cards on the books on `asOf`: count, quantity, original and net value.
 * A card is counted under the department it is with now.
 */
export async function registerReport(
  db: DbOrTx,
  actor: Actor,
  q: { asOf: string; siteId?: string | undefined },
) {
  const byDepartment = new Map<string | null, Sum>();
  const totals = zero();
  for await (const rows of cardsOnBooks(db, actor, q, q.asOf, q.asOf)) {
    for (const r of rows) {
      // Disposed on or before the date: gone (it was on the books only until then).
      if (r.disposed_at && r.disposed_at.slice(0, 10) <= q.asOf) continue;
      const s = byDepartment.get(r.department_id) ?? zero();
      const net = netValue(depreciableOf(r), q.asOf);
      for (const t of [s, totals]) {
        t.count += 1;
        t.quantity += r.quantity;
        t.originalValueFen += Number(r.original_value_fen);
        t.netValueFen += net;
      }
      byDepartment.set(r.department_id, s);
    }
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
