import { P } from '../access/platform-permissions.ts';
import type { Deps } from '../deps.ts';
import { sendXlsxStream } from '../excel/export-stream.ts';
import { todayIn } from '../excel/workbook.ts';
import { actorOf } from '../http/actor.ts';
import type { App } from '../http/types.ts';
import { auditExport } from './export.ts';
import { auditFacets, listAudit } from './repository.ts';
import {
  AuditExportQuery,
  AuditFacetsQuery,
  AuditFacetsSchema,
  AuditPageSchema,
  AuditQuery,
} from './schema.ts';

const tags = ['audit'];

/** The audit log, newest first, for holders of `audit:read`. */
export function auditRoutes(app: App, { db }: Deps): void {
  const auth = P.audit.read;

  app.get(
    '/api/audit',
    {
      config: { auth },
      schema: {
        tags,
        summary: '审计日志 Audit log',
        querystring: AuditQuery,
        response: { 200: AuditPageSchema },
      },
    },
    async (req) => listAudit(db, actorOf(req).orgId, req.query),
  );

  app.get(
    '/api/audit/facets',
    {
      config: { auth },
      schema: {
        tags,
        summary:
          '审计日志中出现的对象类型和动作（指定对象类型时为该类型的动作） Entity types and actions in the log, for the filters (the actions of one type when given)',
        querystring: AuditFacetsQuery,
        response: { 200: AuditFacetsSchema },
      },
    },
    async (req) => auditFacets(db, actorOf(req).orgId, req.query.entityType),
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      config: { auth },
      schema: {
        tags,
        summary:
          '导出审计日志 Export the audit log (.xlsx, same filters as the list, newest 100,000 rows at most)',
        querystring: AuditExportQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const org = await db
        .selectFrom('organizations')
        .select('timezone')
        .where('id', '=', actor.orgId)
        .executeTakeFirstOrThrow();
      const sheet = auditExport(db, actor.orgId, org.timezone, req.query);
      return sendXlsxStream(reply, sheet, todayIn(org.timezone));
    },
  );
}
