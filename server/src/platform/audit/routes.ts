import { P } from '../access/platform-permissions.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/actor.ts';
import { paged } from '../http/schemas.ts';
import type { App } from '../http/types.ts';
import { listAudit } from './repository.ts';
import { AuditEntrySchema, AuditQuery } from './schema.ts';

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
    async (req) => listAudit(db, actorOf(req).orgId, req.query),
  );
}
