import type { DbOrTx } from '../db/connect.ts';
import { readJson } from '../db/dialect.ts';
import type { AuditFilter } from './schema.ts';

/** One page of the audit log, newest first, with the total for the filter. */
export async function listAudit(db: DbOrTx, orgId: string, f: AuditFilter) {
  let q = db.selectFrom('audit_log').where('org_id', '=', orgId);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorUserId) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('at', '<', new Date(f.to).toISOString());
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      siteId: r.site_id,
      before: r.before === null ? null : readJson(r.before),
      after: r.after === null ? null : readJson(r.after),
      requestId: r.request_id,
      ip: r.ip,
    })),
    total: Number(count.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}
