import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import { containsText } from '../../../platform/db/dialect.ts';
import {
  orgTimeZone,
  startOfLocalDay,
  fullSites,
  compensationFromRow,
  joinedCompensations,
} from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import type { CompensationListFilter, CompensationReport } from './schema.ts';

/** The instants a calendar year of the organisation spans. */
async function yearRange(db: DbOrTx, orgId: string, year: number) {
  const tz = await orgTimeZone(db, orgId);
  return {
    from: startOfLocalDay(tz, `${year}-01-01`),
    to: startOfLocalDay(tz, `${year + 1}-01-01`),
  };
}

export async function listCompensations(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  f: CompensationListFilter,
) {
  const sites = fullSites(actor);
  let q = joinedCompensations(db, actor.orgId);
  if (sites !== 'all')
    q = sites.length ? q.where('c.site_id', 'in', sites) : q.where(sql<boolean>`1 = 0`);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.departmentId) q = q.where('c.department_id', '=', f.departmentId);
  if (f.siteId) q = q.where('c.site_id', '=', f.siteId);
  if (f.party) q = q.where(containsText(dialect, 'c.party_name', f.party));
  if (f.year) {
    const r = await yearRange(db, actor.orgId, f.year);
    q = q.where('c.decided_at', '>=', r.from).where('c.decided_at', '<', r.to);
  }
  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('c.decided_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    items: rows.map(compensationFromRow),
    total: Number(counted.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Compensation per department for a year: how many, owed, paid, waived, outstanding. */
export async function compensationReport(
  db: DbOrTx,
  actor: Actor,
  q: { year: number; siteId?: string | undefined },
): Promise<CompensationReport> {
  // Those who export (finance) see the figures they may download.
  const full = fullSites(actor);
  const exp = actor.access.siteScope(AssetsP.export);
  const sites = full === 'all' || exp === 'all' ? 'all' : [...new Set([...full, ...exp])];
  const r = await yearRange(db, actor.orgId, q.year);
  let query = db
    .selectFrom('ast_compensations as c')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .select((eb) => [
      'c.department_id',
      'd.name as department_name',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('c.amount_fen').as('owed'),
      eb.fn.sum<number>('c.paid_fen').as('paid'),
      eb.fn.sum<number>('c.waived_fen').as('waived'),
    ])
    .where('c.org_id', '=', actor.orgId)
    .where('c.decided_at', '>=', r.from)
    .where('c.decided_at', '<', r.to)
    .groupBy(['c.department_id', 'd.name'])
    .orderBy('d.name');
  if (sites !== 'all')
    query = sites.length ? query.where('c.site_id', 'in', sites) : query.where(sql<boolean>`1 = 0`);
  if (q.siteId) query = query.where('c.site_id', '=', q.siteId);
  const rows = (await query.execute()).map((x) => {
    const owed = Number(x.owed ?? 0);
    const paid = Number(x.paid ?? 0);
    const waived = Number(x.waived ?? 0);
    return {
      department:
        x.department_id && x.department_name !== null
          ? { id: x.department_id, name: x.department_name }
          : null,
      count: Number(x.n),
      owedFen: owed,
      paidFen: paid,
      waivedFen: waived,
      outstandingFen: owed - paid - waived,
    };
  });
  const sum = (k: 'count' | 'owedFen' | 'paidFen' | 'waivedFen' | 'outstandingFen') =>
    rows.reduce((s, x) => s + x[k], 0);
  return {
    year: q.year,
    rows,
    totals: {
      count: sum('count'),
      owedFen: sum('owedFen'),
      paidFen: sum('paidFen'),
      waivedFen: sum('waivedFen'),
      outstandingFen: sum('outstandingFen'),
    },
  };
}
