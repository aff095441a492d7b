import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { containsText, dialectOf } from '../../../platform/db/dialect.ts';
import { AssetsP } from '../policy.ts';
import { fullSites } from './operation-rules.ts';
import { daysBetween, localToday, orgTimeZone } from './org-calendar.ts';

export type LoanLine = {
  operationId: string;
  number: string;
  siteId: string;
  asset: { id: string; tagNo: string; name: string };
  borrower: { personId: string | null; name: string };
  lentAt: string;
  dueDate: string | null;
  daysOverdue: number;
};

export type LoansFilter = {
  siteId?: string | undefined;
  overdueOnly?: boolean | undefined;
  /** Tag, asset name or borrower. */
  q?: string | undefined;
};

/** One page of the loans outstanding, most overdue first, with the total. */
export async function loansPage(
  db: DbOrTx,
  actor: Actor,
  q: LoansFilter & { page: number; pageSize: number },
  now = new Date(),
) {
  const { page, pageSize } = q;
  const [items, total] = await Promise.all([
    loansOutstanding(db, actor, q, now, { limit: pageSize, offset: (page - 1) * pageSize }),
    loansOutstanding(db, actor, q, now, 'count'),
  ]);
  return { items, total, page, pageSize };
}

/** Loans outstanding: every lent asset not yet back, with its borrower and how late it is. */
export async function loansOutstanding(
  db: DbOrTx,
  actor: Actor,
  q: LoansFilter,
  now?: Date,
  window?: { limit: number; offset: number },
): Promise<LoanLine[]>;
export async function loansOutstanding(
  db: DbOrTx,
  actor: Actor,
  q: LoansFilter,
  now: Date | undefined,
  window: 'count',
): Promise<number>;
export async function loansOutstanding(
  db: DbOrTx,
  actor: Actor,
  q: LoansFilter,
  now = new Date(),
  window?: { limit: number; offset: number } | 'count',
): Promise<LoanLine[] | number> {
  const today = localToday(await orgTimeZone(db, actor.orgId), now);
  // Those who export (finance) may list what they may download.
  const full = fullSites(actor);
  const exp = actor.access.siteScope(AssetsP.export);
  const sites = full === 'all' || exp === 'all' ? 'all' : [...new Set([...full, ...exp])];
  let query = db
    .selectFrom('ast_operations as o')
    .innerJoin('ast_operation_lines as l', 'l.operation_id', 'o.id')
    .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
    .leftJoin('people as p', 'p.id', 'o.borrower_person_id')
    .select([
      'o.id',
      'o.number',
      'o.site_id',
      'o.borrower_person_id',
      'o.borrower_name',
      'p.name as person_name',
      'o.requested_at',
      'o.due_date',
      'a.id as asset_id',
      'a.tag_no',
      'a.name as asset_name',
    ])
    .where('o.org_id', '=', actor.orgId)
    .where('o.kind', '=', 'lend')
    .where('o.status', '=', 'open')
    .where('l.returned_at', 'is', null);
  if (sites !== 'all')
    query = sites.length ? query.where('o.site_id', 'in', sites) : query.where(sql<boolean>`1 = 0`);
  if (q.siteId) query = query.where('o.site_id', '=', q.siteId);
  if (q.overdueOnly) query = query.where('o.due_date', '<', today);
  if (q.q) {
    const text = q.q;
    const dialect = dialectOf(db);
    query = query.where((eb) =>
      eb.or(
        ['a.tag_no', 'a.name', 'o.borrower_name', 'p.name'].map((col) =>
          containsText(dialect, col, text),
        ),
      ),
    );
  }
  if (window === 'count') {
    const { n } = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n);
  }
  let ordered = query.orderBy('o.due_date').orderBy('a.tag_no').orderBy('o.id');
  if (window) ordered = ordered.limit(window.limit).offset(window.offset);
  const rows = await ordered.execute();
  return rows.map((r) => ({
    operationId: r.id,
    number: r.number,
    siteId: r.site_id,
    asset: { id: r.asset_id, tagNo: r.tag_no, name: r.asset_name },
    borrower: { personId: r.borrower_person_id, name: r.person_name ?? r.borrower_name ?? '' },
    lentAt: r.requested_at,
    dueDate: r.due_date,
    daysOverdue: r.due_date ? Math.max(0, daysBetween(r.due_date, today)) : 0,
  }));
}
