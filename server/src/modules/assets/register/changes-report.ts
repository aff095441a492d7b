import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/database.ts';
import { addDays, orgTimeZone, startOfLocalDay } from '../operations/index.ts';
import type { AstAssetsTable } from '../tables.ts';
import { endOfLocalDay, notDisposedBefore, onBooksBy, withoutJit } from './on-books.ts';
import { cardsThatMayHaveBeenAt, reportSites, siteAt, visibleThen } from './history.ts';
import { assetVisibility, seesNothing } from './visibility.ts';

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

/** The source of an addition, and the kind of a removal, that is a move between the organisation's sites. */
export const SITE_TRANSFER = 'site_transfer';
type RemovedKind = 'disposed' | typeof SITE_TRANSFER;

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
 *
 * Of a site (or a campus manager's sites), each card is placed by its site
 * at the period's two ends (history.ts `siteAt`): a card on the books at
 * the start that was at another site at the end moved between campuses, and
 * counts as removed here (院区调出) and added there (院区调入); what came onto
 * or left the books within the period counts at its site at the end. So
 * closing = opening + added − removed holds for each site, and the sites'
 * reports add up to the organisation's but for the moves between them.
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
  const sites = reportSites(visibility, q.siteId);
  // Sites then: for the report's sites, and for the sites the user reads.
  const byHistory = sites !== null || visibility.sites !== 'all';
  const rows = seesNothing(visibility)
    ? []
    : await withoutJit(db, (db) => {
        const cards = db
          .selectFrom('ast_assets as a')
          .select((eb) => [
            'a.category_id',
            'a.source',
            'a.quantity',
            'a.original_value_fen',
            'a.department_id',
            'a.custodian_person_id',
            (byHistory ? siteAt(actor.orgId, start) : sql<string>`a.site_id`).as('site_from'),
            (byHistory ? siteAt(actor.orgId, end) : sql<string>`a.site_id`).as('site_to'),
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
          .where(
            sites
              ? cardsThatMayHaveBeenAt(actor.orgId, sites)
              : (eb) => eb('a.org_id', '=', actor.orgId),
          )
          .where('a.status', 'not in', ['pending', 'void'])
          // Gone before the period: in none of its columns.
          .where(notDisposedBefore(start))
          .where(onBooksBy(q.to, end));
        const keys = [
          'c.category_id',
          'c.source',
          'c.site_from',
          'c.site_to',
          'c.opening',
          'c.added',
          'c.removed',
          'c.closing',
        ] as const;
        return db
          .selectFrom(cards.as('c'))
          .where(
            visibleThen(visibility, {
              sites: ['c.site_from', 'c.site_to'],
              department: 'c.department_id',
            }),
          )
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
  const byKind = new Map<RemovedKind, ChangeSum>();
  const add = <K>(map: Map<K, ChangeSum>, key: K, sum: ChangeSum) => {
    const s = map.get(key) ?? zero();
    addTo(s, sum);
    map.set(key, s);
  };
  const here = (site: string | null) => sites === null || sites.includes(site ?? '');
  for (const r of rows) {
    const sum: ChangeSum = {
      count: Number(r.count),
      quantity: Number(r.quantity),
      originalValueFen: Number(r.value),
    };
    const atStart = here(r.site_from);
    const atEnd = here(r.site_to);
    const opening = Number(r.opening) === 1;
    const movedIn = opening && !atStart && atEnd;
    const movedOut = opening && atStart && !atEnd;
    const columns = {
      opening: opening && atStart,
      added: (Number(r.added) === 1 && atEnd) || movedIn,
      removed: (Number(r.removed) === 1 && atEnd) || movedOut,
      closing: Number(r.closing) === 1 && atEnd,
    };
    if (!Object.values(columns).some(Boolean)) continue;
    const row = byCategory.get(r.category_id) ?? zeroRow();
    byCategory.set(r.category_id, row);
    for (const column of ['opening', 'added', 'removed', 'closing'] as const) {
      if (!columns[column]) continue;
      for (const target of [row[column], totals[column]]) addTo(target, sum);
    }
    if (Number(r.added) === 1 && atEnd) add(bySource, r.source, sum);
    if (movedIn) add(bySource, SITE_TRANSFER, sum);
    if (Number(r.removed) === 1 && atEnd) add(byKind, 'disposed', sum);
    if (movedOut) add(byKind, SITE_TRANSFER, sum);
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
    addedBySource: bySums(bySource).map(([source, s]) => ({ source, ...s })),
    removedByKind: bySums(byKind).map(([kind, s]) => ({ kind, ...s })),
  };
}

/** A map's entries, largest original value first. */
const bySums = <K>(map: Map<K, ChangeSum>) =>
  [...map.entries()].sort((a, b) => b[1].originalValueFen - a[1].originalValueFen);

function addTo(target: ChangeSum, sum: ChangeSum): void {
  target.count += sum.count;
  target.quantity += sum.quantity;
  target.originalValueFen += sum.originalValueFen;
}
