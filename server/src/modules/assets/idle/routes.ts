import type { Deps } from '../../../platform/deps.ts';
import { forbidden } from '../../../platform/errors.ts';
import { sendXlsxStream } from '../../../platform/excel/export-stream.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import type { App } from '../../../platform/http/types.ts';
import { z } from 'zod';
import { getOperationDetail, OperationDetailSchema } from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import { findReusable } from './find-reusable.ts';
import { idlePoolExport } from './idle-excel.ts';
import { idlePool, idleSites } from './idle-pool.ts';
import { requestIdleTransfers } from './request-idle.ts';
import { reuseReport } from './reuse-report.ts';
import {
  IdlePoolExportQuery,
  IdlePoolQuery,
  IdlePoolSchema,
  IdleRequestSchema,
  ReusableQuery,
  ReusableSchema,
  ReuseReportQuery,
  ReuseReportSchema,
} from './schema.ts';

const tags = ['assets-idle'];

/** Every transfer a request started: one per site its assets are at, best site first. */
const IdleRequestResultSchema = z.object({ operations: z.array(OperationDetailSchema) });

/** The idle pool, department requests for idle assets, and the reuse report. */
export function idleRoutes(app: App, deps: Deps): void {
  const { db } = deps;
  app.get(
    '/api/assets/idle',
    {
      // Readers and department heads (assets:sign) alike: checked by the service per site.
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '闲置资产 Idle assets by category and condition (count, items, net value)',
        querystring: IdlePoolQuery,
        response: { 200: IdlePoolSchema },
      },
    },
    async (req) => idlePool(db, actorOf(req), req.query),
  );
  app.get(
    '/api/assets/idle/export.xlsx',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '导出闲置资产 Export the idle pool (.xlsx): every group of the same filters and order, and the totals',
        querystring: IdlePoolExportQuery,
      },
    },
    async (req, reply) => {
      const { sheet, today } = await idlePoolExport(db, actorOf(req), req.query);
      return sendXlsxStream(reply, sheet, today);
    },
  );
  app.get(
    '/api/assets/idle/reusable',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary: '可调用闲置资产 Idle assets of a category (and below) fit for reuse, best first',
        querystring: ReusableQuery,
        response: { 200: ReusableSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const sites = idleSites(actor);
      if (sites !== 'all' && sites.length === 0) throw forbidden();
      return findReusable(db, actor.orgId, {
        ...req.query,
        ...(sites !== 'all' && { siteIds: sites }),
      });
    },
  );
  app.post(
    '/api/assets/idle/requests',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        summary:
          '申请调用闲置资产 A department asks for idle assets (a transfer; approval per settings; the department signs)',
        description:
          'Assets at several sites become one transfer per site, all created in one transaction (all or none). A place (toLocationId) goes on the transfer of its own site only.',
        body: IdleRequestSchema,
        response: { 201: IdleRequestResultSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const ids = await requestIdleTransfers(deps, actor, req.body);
      const operations = [];
      for (const id of ids) operations.push(await getOperationDetail(db, actor, id));
      return reply.status(201).send({ operations });
    },
  );
  app.get(
    '/api/assets/reports/reuse',
    {
      config: { auth: AssetsP.read, scope: 'site' },
      schema: {
        tags,
        summary:
          '闲置资产再利用 Idle-asset reuses in a year and the money they saved (original values)',
        querystring: ReuseReportQuery,
        response: { 200: ReuseReportSchema },
      },
    },
    async (req) => reuseReport(db, actorOf(req), req.query),
  );
}
