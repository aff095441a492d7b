import { sql, type Selectable } from 'kysely';
import type { Db, DbOrTx } from '../db/connect.ts';
import { readJson } from '../db/dialect.ts';
import type { AuditExportFilter, AuditFilter } from './schema.ts';
import type { AuditLogTable } from './tables.ts';

/** The organisation's audit rows matching the filter (no order, no paging). */
function filtered(db: DbOrTx, orgId: string, f: AuditExportFilter) {
  let q = db.selectFrom('audit_log').where('audit_log.org_id', '=', orgId);
  if (f.entityType) q = q.where('audit_log.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('audit_log.entity_id', '=', f.entityId);
  if (f.actorUserId) q = q.where('audit_log.actor_user_id', '=', f.actorUserId);
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.from) q = q.where('audit_log.at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('audit_log.at', '<', new Date(f.to).toISOString());
  return q;
}

/** Rows with the name of their site (sites are kept, so the name is there while the row is). */
function withSite(db: DbOrTx, orgId: string, f: AuditExportFilter) {
  return filtered(db, orgId, f)
    .leftJoin('sites', 'sites.id', 'audit_log.site_id')
    .selectAll('audit_log')
    .select('sites.name as site_name');
}

type Row = Selectable<AuditLogTable> & { site_name: string | null };

function entryFromRow(r: Row) {
  return {
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    siteId: r.site_id,
    siteName: r.site_name,
    before: r.before === null ? null : readJson(r.before),
    after: r.after === null ? null : readJson(r.after),
    requestId: r.request_id,
    ip: r.ip,
  };
}
export type AuditEntry = ReturnType<typeof entryFromRow>;

/** Counting stops here: "10,000+" is all a reader needs, and the log holds millions of rows. */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * One page of the audit log, newest first, with the total for the filter up
 * to AUDIT_COUNT_CAP; `totalCapped` says the total is a lower bound.
 */
export async function listAudit(db: DbOrTx, orgId: string, f: AuditFilter, cap = AUDIT_COUNT_CAP) {
  const [rows, count] = await Promise.all([
    withSite(db, orgId, f)
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    db
      .selectFrom(
        filtered(db, orgId, f)
          .select(sql<number>`1`.as('one'))
          .limit(cap + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return {
    items: rows.map(entryFromRow),
    total: Math.min(n, cap),
    totalCapped: n > cap,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/**
 * Every row of the filter, newest first, in batches. Keyset paging on
 * (at, id) rather than offsets: the audit log is the largest table, and the
 * 100,000th row costs as little to reach as the first.
 */
export async function* auditBatches(
  db: Db,
  orgId: string,
  f: AuditExportFilter,
  limit: number,
  batchSize = 2000,
): AsyncGenerator<AuditEntry[]> {
  let after: { at: string; id: string } | null = null;
  for (let left = limit; left > 0;) {
    let q = withSite(db, orgId, f);
    if (after) {
      const { at, id } = after;
      // `at <= t` first: a bound both databases seek the (…, at) index to;
      // `at < t or (at = t and id < i)` alone made every batch pass over
      // all the rows the earlier ones returned (111 ms for a batch 206,000
      // rows in, on PostgreSQL through the table).
      q = q
        .where('audit_log.at', '<=', at)
        .where((eb) => eb.or([eb('audit_log.at', '<', at), eb('audit_log.id', '<', id)]));
    }
    const rows = await q
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(Math.min(batchSize, left))
      .execute();
    if (rows.length === 0) return;
    yield rows.map(entryFromRow);
    left -= rows.length;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: last.id };
    if (rows.length < batchSize) return;
  }
}

/**
 * The distinct values of one column in the organisation's log (of one
 * record type, when given), in order, by a loose index scan: each step seeks
 * the next value past the last one (audit_type_at_ix, audit_action_ix,
 * audit_type_action_ix), so it costs one seek per value, not a read of every
 * row (7.4 s for the actions of 3,000,000 rows).
 */
async function distinctValues(
  db: Db,
  orgId: string,
  column: 'entity_type' | 'action',
  entityType?: string,
) {
  const col = sql.ref(column);
  const of = entityType === undefined ? sql`` : sql`and entity_type = ${entityType}`;
  const { rows } = await sql<{ v: string }>`
    with recursive t(v) as (
      select (select min(${col}) from audit_log where org_id = ${orgId} ${of})
      union all
      select (select min(${col}) from audit_log where org_id = ${orgId} ${of} and ${col} > t.v)
      from t where t.v is not null
    )
    select v from t where v is not null`.execute(db);
  return rows.map((r) => r.v);
}

/**
 * The entity types and actions that occur in the organisation's log, for the
 * filter drop-downs; with `entityType`, the actions are those of that type.
 */
export async function auditFacets(db: Db, orgId: string, entityType?: string) {
  const [entityTypes, actions] = await Promise.all([
    distinctValues(db, orgId, 'entity_type'),
    distinctValues(db, orgId, 'action', entityType),
  ]);
  return { entityTypes, actions };
}
