import { z } from 'zod';
import { P } from '../access/platform-permissions.ts';
import { readJson } from '../db/dialect.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { PageQuery, paged } from '../http/schemas.ts';
import type { App } from '../http/types.ts';

const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  siteId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

const AuditQuery = z.strictObject({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  ...PageQuery,
});

/** The audit log, newest first, for holders of `audit:read`. */
export function auditRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/audit',
    {
      config: { auth: P.audit.read },
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit log',
        querystring: AuditQuery,
        response: { 200: paged(AuditEntrySchema) },
      },
    },
    async (req) => {
      const f = req.query;
      let q = db.selectFrom('audit_log').where('org_id', '=', actorOf(req).orgId);
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
    },
  );
}
