import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/database.ts';
import { addDays, orgTimeZone, startOfLocalDay } from '../operations/index.ts';
import type { AstAssetsTable } from '../tables.ts';
import { endOfLocalDay, notDisposedBefore, onBooksBy, withoutJit } from './on-books.ts';
import { assetVisibility, seesNothing, visibleAssets } from './visibility.ts';

/*
 * 资产增减变动表: per category, the register at the start of a period, what
 * came onto the books during it, what left, and what stands at its end —
 * cards, items and original value. "On the books" is the rule of the other
 * register reports (on-books.ts): from the in-service (else purchase, else
 * registration) day until the disposal, by the organisation's calendar.
 *
 * Each card gets four flags, chosen so that for every card
 *   closing = opening + added − removed
 * holds exactly, whatever its dates; the report's rows and totals are sums
 * of those flags, so the identity holds for them too (the tests check it):
 * - opening: on the books by the end of the day before `from`, not disposed before `from` began;
 * - added:   came onto the books within the period (not by the day before
 *            `from`, by `to`), and was not disposed before the period began;
 * - removed: disposed within the period, having been on the books by `to`;
 * - closing: on the books by the end of `to`, not disposed by then.
 * Additions are also given by the card's source (购置, 调入, 捐赠 …).
 */

type From = Database & { a: AstAssetsTable };

export type ChangeSum = { count: number; quantity: number; originalValueFen: number };
export type ChangeRow = {
  opening: ChangeSum;
  added: ChangeSum;
  removed: ChangeSum;
  closing: ChangeSum;
};

const zero = (): ChangeSum => ({ count: 0, quantity: 0, originalValueFen: 0 });
const zeroRow = (): ChangeRow => ({
  opening: zero(),
  added: zero(),
  removed: zero(),
  closing: zero(),
});

/** 1 when `cond` holds for the card, else 0. */
const flag = (eb: ExpressionBuilder<From, 'a'>, cond: Expression<SqlBool>) =>
  eb.case().when(cond).then(sql.lit(1)).else(sql.lit(0)).end();

/**
 * The report of the visible cards (of a site, if given) over [from, to],
 * both calendar days of the organisation.
 */
export async function changesReport(
  db: DbOrTx,
  actor: Actor,
  q: { from: string; to: string; siteId?: string | undefined },
) {
  const timeZone = await orgTimeZone(db, actor.orgId);
  const dayBefore = addDays(q.from, -1);
  const start = startOfLocalDay(timeZone, q.from);
  const end = endOfLocalDay(timeZone, q.to);
  const visibility = await assetVisibility(db, actor);
  const rows = seesNothing(visibility)
    ? []
    : await withoutJit(db, (db) => {
        let cards = db
          .selectFrom('ast_assets as a')
          .select((eb) => [
            'a.category_id',
            'a.source',
            'a.quantity',
            'a.original_value_fen',
            flag(eb, eb.and([onBooksBy(dayBefore, start)(eb), notDisposedBefore(start)(eb)])).as(
              'opening',
            ),
            flag(
              eb,
              eb.and([
                eb.not(onBooksBy(dayBefore, start)(eb)),
                onBooksBy(q.to, end)(eb),
                notDisposedBefore(start)(eb),
              ]),
            ).as('added'),
            flag(
              eb,
              eb.and([
                eb('a.disposed_at', '>=', start),
                eb('a.disposed_at', '<', end),
                onBooksBy(q.to, end)(eb),
              ]),
            ).as('removed'),
            flag(eb, eb.and([onBooksBy(q.to, end)(eb), notDisposedBefore(end)(eb)])).as('closing'),
          ])
          .where('a.org_id', '=', actor.orgId)
          .where(visibleAssets(visibility))
          .where('a.status', 'not in', ['pending', 'void'])
          // Gone before the period: in none of its columns.
          .where(notDisposedBefore(start))
          .where(onBooksBy(q.to, end));
        if (q.siteId) cards = cards.where('a.site_id', '=', q.siteId);
        const keys = [
          'c.category_id',
          'c.source',
          'c.opening',
          'c.added',
          'c.removed',
          'c.closing',
        ] as const;
        return db
          .selectFrom(cards.as('c'))
          .select(keys)
          .select((eb) => [
            eb.fn.countAll().as('count'),
            eb.fn.sum('c.quantity').as('quantity'),
            eb.fn.sum('c.original_value_fen').as('value'),
          ])
          .groupBy(keys)
          .execute();
      });

  const byCategory = new Map<string, ChangeRow>();
  const totals = zeroRow();
  const bySource = new Map<string, ChangeSum>();
  for (const r of rows) {
    const sum: ChangeSum = {
      count: Number(r.count),
      quantity: Number(r.quantity),
      originalValueFen: Number(r.value),
    };
    const row = byCategory.get(r.category_id) ?? zeroRow();
    byCategory.set(r.category_id, row);
    for (const column of ['opening', 'added', 'removed', 'closing'] as const) {
      if (Number(r[column]) !== 1) continue;
      for (const target of [row[column], totals[column]]) addTo(target, sum);
    }
    if (Number(r.added) === 1) {
      const s = bySource.get(r.source) ?? zero();
      addTo(s, sum);
      bySource.set(r.source, s);
    }
  }
  const categories = new Map(
    byCategory.size === 0
      ? []
      : (
          await db
            .selectFrom('ast_categories')
            .select(['id', 'code', 'name'])
            .where('org_id', '=', actor.orgId)
            .where('id', 'in', [...byCategory.keys()])
            .execute()
        ).map((c) => [c.id, c]),
  );
  return {
    from: q.from,
    to: q.to,
    rows: [...byCategory.entries()]
      .map(([id, row]) => ({
        category: {
          id,
          code: categories.get(id)?.code ?? '',
          name: categories.get(id)?.name ?? '',
        },
        ...row,
      }))
      .sort((a, b) => a.category.code.localeCompare(b.category.code)),
    totals,
    addedBySource: [...bySource.entries()]
      .map(([source, s]) => ({ source, ...s }))
      .sort((a, b) => b.originalValueFen - a.originalValueFen),
  };
}

function addTo(target: ChangeSum, sum: ChangeSum): void {
  target.count += sum.count;
  target.quantity += sum.quantity;
  target.originalValueFen += sum.originalValueFen;
}
