import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import {
  oneBatch,
  sendXlsxStream,
  type ExportValue,
} from '../../../platform/excel/export-stream.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import type { App } from '../../../platform/http/types.ts';
import { AssetsP } from '../policy.ts';
import { orgToday } from './read-assets.ts';
import { depreciationReport, registerReport } from './reports.ts';

const tags = ['assets'];

const RegisterQuery = z.strictObject({
  siteId: z.uuid().optional(),
  /** The date of the figures (YYYY-MM-DD); default today. */
  asOf: z.iso.date().optional(),
});
const Sum = {
  count: z.number(),
  quantity: z.number(),
  originalValueFen: z.number(),
  netValueFen: z.number(),
};
const RegisterReportSchema = z.object({
  asOf: z.string(),
  rows: z.array(
    z.object({
      /** null: cards with no using department (the idle pool). */
      department: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
      ...Sum,
    }),
  ),
  totals: z.object(Sum),
});

const DepreciationQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2200),
  siteId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
});
const DepreciationReportSchema = z.object({
  year: z.number(),
  months: z.array(z.string()),
  rows: z.array(
    z.object({
      category: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      count: z.number(),
      months: z.array(z.number()),
      totalFen: z.number(),
    }),
  ),
  totals: z.object({ count: z.number(), months: z.array(z.number()), totalFen: z.number() }),
});

const yuan = (fen: number) => fen / 100;

/** Register by department and the depreciation schedule, as JSON and as .xlsx. */
export function registerReportRoutes(app: App, { db }: Deps): void {
  const read = { auth: AssetsP.read, scope: 'site' as const };
  app.get(
    '/api/assets/reports/register',
    {
      config: read,
      schema: {
        tags,
        summary:
          '资产汇总表 The register by department on a date: count, quantity, original and net value, with totals',
        querystring: RegisterQuery,
        response: { 200: RegisterReportSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const asOf = req.query.asOf ?? (await orgToday(db, actor.orgId));
      return registerReport(db, actor, { ...req.query, asOf });
    },
  );
  app.get(
    '/api/assets/reports/register.xlsx',
    {
      config: read,
      schema: { tags, summary: '资产汇总表 (.xlsx)', querystring: RegisterQuery },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = await orgToday(db, actor.orgId);
      const report = await registerReport(db, actor, {
        ...req.query,
        asOf: req.query.asOf ?? today,
      });
      const line = (name: string, s: (typeof report)['totals']): ExportValue[] => [
        name,
        s.count,
        s.quantity,
        yuan(s.originalValueFen),
        yuan(s.netValueFen),
      ];
      return sendXlsxStream(
        reply,
        {
          fileName: { zh: `资产汇总表-${report.asOf}`, ascii: `asset-register-${report.asOf}` },
          sheetName: '资产汇总表',
          columns: [
            { key: 'department', header: '使用部门', width: 20 },
            { key: 'count', header: '卡片数', width: 10 },
            { key: 'quantity', header: '数量', width: 10 },
            { key: 'original', header: '原值（元）', width: 16 },
            { key: 'net', header: `净值（元，${report.asOf}）`, width: 18 },
          ],
          batches: oneBatch([
            ...report.rows.map((r) => line(r.department?.name ?? '（未分配·闲置）', r)),
            line('合计', report.totals),
          ]),
        },
        today,
      );
    },
  );
  app.get(
    '/api/assets/reports/depreciation',
    {
      config: read,
      schema: {
        tags,
        summary: '折旧明细表 Monthly depreciation of a year by category, with totals',
        querystring: DepreciationQuery,
        response: { 200: DepreciationReportSchema },
      },
    },
    async (req) => depreciationReport(db, actorOf(req), req.query),
  );
  app.get(
    '/api/assets/reports/depreciation.xlsx',
    {
      config: read,
      schema: { tags, summary: '折旧明细表 (.xlsx)', querystring: DepreciationQuery },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = await orgToday(db, actor.orgId);
      const report = await depreciationReport(db, actor, req.query);
      const line = (code: string, name: string, count: number, months: number[], total: number) => [
        code,
        name,
        count,
        ...months.map(yuan),
        yuan(total),
      ];
      return sendXlsxStream(
        reply,
        {
          fileName: { zh: `折旧明细表-${report.year}`, ascii: `depreciation-${report.year}` },
          sheetName: `${report.year}年折旧`,
          columns: [
            { key: 'code', header: '分类编码', width: 12, text: true },
            { key: 'name', header: '资产分类', width: 20 },
            { key: 'count', header: '卡片数', width: 8 },
            ...report.months.map((m) => ({ key: m, header: `${Number(m.slice(5))}月`, width: 11 })),
            { key: 'total', header: '全年合计（元）', width: 14 },
          ],
          batches: oneBatch([
            ...report.rows.map((r) =>
              line(r.category.code, r.category.name, r.count, r.months, r.totalFen),
            ),
            line('', '合计', report.totals.count, report.totals.months, report.totals.totalFen),
          ]),
        },
        today,
      );
    },
  );
}
