import { sql, type ExpressionBuilder } from 'kysely';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/database.ts';
import { dialectOf } from '../../../platform/db/dialect.ts';
import type { Depreciable } from '../depreciation.ts';
import { addDays, startOfLocalDay } from '../operations/index.ts';
import type { AstAssetsTable } from '../tables.ts';
import { depreciableOf } from './repository.ts';

/*
 * What the register reports share: when a card is on the books, by the
 * organisation's calendar day, and the terms its depreciation depends on,
 * as grouped in SQL (a group of cards has the same figures, so a report
 * computes them once per group and multiplies by its count).
 *
 * A card is on the books from its in-service date (else its purchase date:
 * a register moved in from the old system keeps its history; a card without
 * either counts from its registration) until its disposal. Dates are
 * calendar days; instants (registration, disposal) are compared with the
 * start of an organisation's day (`startOfLocalDay`), never with a date
 * string or a UTC date.
 */

type From = Database & { a: AstAssetsTable };

/** The instant a calendar day ends in a time zone: the start of the next one. */
export const endOfLocalDay = (timeZone: string, date: string): string =>
  startOfLocalDay(timeZone, addDays(date, 1));

/**
 * On the books by the end of `day`; `end` is that instant (`endOfLocalDay`).
 * Never NULL, so that NOT of it (the changes report's "not yet at the start")
 * is true for a card without dates: each branch tests its date for NULL
 * before comparing it, since `NULL <= day` is NULL and NOT NULL is NULL.
 */
export function onBooksBy(day: string, end: string) {
  return (eb: ExpressionBuilder<From, 'a'>) =>
    eb.or([
      eb.and([eb('a.in_service_date', 'is not', null), eb('a.in_service_date', '<=', day)]),
      eb.and([
        eb('a.in_service_date', 'is', null),
        eb('a.purchase_date', 'is not', null),
        eb('a.purchase_date', '<=', day),
      ]),
      eb.and([
        eb('a.in_service_date', 'is', null),
        eb('a.purchase_date', 'is', null),
        eb('a.created_at', '<', end),
      ]),
    ]);
}

/** Not disposed before the instant `at` (a card disposed at `at` or later, or never). */
export function notDisposedBefore(at: string) {
  return (eb: ExpressionBuilder<From, 'a'>) =>
    eb.or([eb('a.disposed_at', 'is', null), eb('a.disposed_at', '>=', at)]);
}

/**
 * The month (YYYY-MM) its depreciation counts from: of the in-service, else
 * the purchase date; null without either. depreciation.ts counts whole
 * months, so cards grouped by it have the same charges.
 */
export function startMonth() {
  return sql<
    string | null
  >`substr(cast(coalesce(a.in_service_date, a.purchase_date) as text), 1, 7)`;
}

/** A group's depreciation terms, with `start_month` from `startMonth()`. */
export function depreciableOfTerms(r: {
  original_value_fen: number;
  depreciation_method: string;
  life_months: number | null;
  residual_bp: number;
  start_month: string | null;
}): Depreciable {
  return depreciableOf({
    original_value_fen: r.original_value_fen,
    depreciation_method: r.depreciation_method,
    life_months: r.life_months,
    residual_bp: r.residual_bp,
    // A month stands for its date: depreciation starts the month after (当月增加当月不提).
    in_service_date: r.start_month,
    purchase_date: null,
  });
}

/**
 * Runs a read with PostgreSQL's JIT compilation off (for its transaction
 * only). A report's query over a whole register has a large estimated cost,
 * past the thresholds at which PostgreSQL compiles and optimises it: the
 * register by department at 100,000 cards (subqueries per card, estimate 1.4
 * million) spent 1–1.7 s compiling for 0.7 s of work; the depreciation
 * schedule's plain grouped scan (estimate 10,000–25,000 at 100,000 cards)
 * reaches the threshold at about a million. SQLite, and a caller's own
 * transaction, run `read` as it is.
 */
export async function withoutJit<T>(db: DbOrTx, read: (db: DbOrTx) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres' || db.isTransaction) return read(db);
  return (db as Db).transaction().execute(async (tx) => {
    await sql`set local jit = off`.execute(tx);
    return read(tx);
  });
}
