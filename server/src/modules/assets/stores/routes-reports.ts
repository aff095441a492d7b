import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { sendXlsxStream, type ExportSheet } from '../../../platform/excel/export-stream.ts';
import { todayIn } from '../../../platform/excel/workbook.ts';
import type { Actor } from '../../../platform/context.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import type { App } from '../../../platform/http/types.ts';
import { getOrganization } from '../../org/index.ts';
import { StoresP } from '../policy.ts';
import {
  consumptionExport,
  documentsExport,
  itemsExport,
  movementsExport,
  movementSummaryExport,
  stockExport,
} from './exports.ts';
import { consumption, movementSummary } from './reports.ts';
import {
  ConsumptionQuery,
  ConsumptionRowSchema,
  DocumentListQuery,
  ItemListQuery,
  MovementQuery,
  MovementSummaryRowSchema,
  PeriodQuery,
  StockQuery,
} from './schema.ts';

const tags = ['stores'];

/** Reports (收发存, consumption) and every list of the stores as .xlsx. */
export function reportRoutes(app: App, deps: Deps): void {
  const { db, dialect } = deps;
  app.get(
    '/api/stores/reports/movement-summary',
    {
      config: { auth: StoresP.read, scope: 'site' },
      schema: {
        tags,
        summary: '收发存汇总 Opening, in, out and closing per item over a period',
        querystring: PeriodQuery,
        response: { 200: z.array(MovementSummaryRowSchema) },
      },
    },
    async (req) => movementSummary(db, actorOf(req), req.query),
  );
  app.get(
    '/api/stores/reports/consumption',
    {
      config: { auth: StoresP.read, scope: 'site' },
      schema: {
        tags,
        summary: '物资消耗 Consumption by department or by work-order category over a period',
        querystring: ConsumptionQuery,
        response: { 200: z.array(ConsumptionRowSchema) },
      },
    },
    async (req) => consumption(db, actorOf(req), req.query),
  );

  const noPage = <T extends z.ZodObject>(s: T) => s.omit({ page: true, pageSize: true } as never);
  const exports: {
    path: string;
    summary: string;
    query: z.ZodType;
    build(actor: Actor, timeZone: string, q: never): ExportSheet | Promise<ExportSheet>;
  }[] = [
    {
      path: 'items',
      summary: '导出物资目录 Export items',
      query: noPage(ItemListQuery),
      build: (actor, _tz, q) => itemsExport(db, dialect, actor.orgId, q),
    },
    {
      path: 'stock',
      summary: '导出库存 Export stock on hand',
      query: noPage(StockQuery),
      build: (actor, _tz, q) => stockExport(db, dialect, actor, q),
    },
    {
      path: 'movements',
      summary: '导出出入库流水 Export the ledger',
      query: noPage(MovementQuery),
      build: (actor, tz, q) => movementsExport(db, actor, tz, q),
    },
    {
      path: 'documents',
      summary: '导出出入库单 Export stock documents',
      query: noPage(DocumentListQuery),
      build: (actor, tz, q) => documentsExport(db, actor, tz, q),
    },
    {
      path: 'reports/movement-summary',
      summary: '导出收发存汇总 Export the movement summary',
      query: PeriodQuery,
      build: (actor, _tz, q) => movementSummaryExport(db, actor, q),
    },
    {
      path: 'reports/consumption',
      summary: '导出物资消耗 Export consumption',
      query: ConsumptionQuery,
      build: (actor, _tz, q) => consumptionExport(db, actor, q),
    },
  ];
  for (const e of exports) {
    app.get(
      `/api/stores/${e.path}/export.xlsx`,
      {
        config: { auth: StoresP.export, scope: 'site' },
        schema: {
          tags,
          summary: `${e.summary} (.xlsx, same filters as the list)`,
          querystring: e.query,
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { timezone } = await getOrganization(db, actor.orgId);
        const sheet = await e.build(actor, timezone, req.query as never);
        return sendXlsxStream(reply, sheet, todayIn(timezone));
      },
    );
  }
}
