import type { Deps } from '../../../platform/deps.ts';
import { sendXlsxStream, type ExportSheet } from '../../../platform/excel/export-stream.ts';
import { todayIn } from '../../../platform/excel/workbook.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { IdParams, OkSchema } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { orgTimeZone } from '../operations/index.ts';
import { AssetsP } from '../policy.ts';
import { compensationReport, listCompensations } from './read-compensations.ts';
import { recordCompensationEntry } from './record-entry.ts';
import {
  CompensationListQuery,
  CompensationPageSchema,
  CompensationReportQuery,
  CompensationReportSchema,
  PaymentSchema,
  WaiverSchema,
  type CompensationReport,
} from './schema.ts';

const tags = ['assets-compensation'];

function reportSheet(report: CompensationReport): ExportSheet {
  const yuan = (fen: number) => fen / 100;
  const rows = report.rows.map((r) => [
    r.department?.name ?? '（未指定部门）',
    r.count,
    yuan(r.owedFen),
    yuan(r.paidFen),
    yuan(r.waivedFen),
    yuan(r.outstandingFen),
  ]);
  const t = report.totals;
  rows.push([
    '合计',
    t.count,
    yuan(t.owedFen),
    yuan(t.paidFen),
    yuan(t.waivedFen),
    yuan(t.outstandingFen),
  ]);
  return {
    fileName: { zh: `资产赔偿-${report.year}`, ascii: `asset-compensation-${report.year}` },
    sheetName: `${report.year} 赔偿`,
    columns: [
      { key: 'department', header: '部门', width: 20 },
      { key: 'count', header: '笔数', width: 8 },
      { key: 'owed', header: '应赔(元)', width: 12 },
      { key: 'paid', header: '已收(元)', width: 12 },
      { key: 'waived', header: '减免(元)', width: 12 },
      { key: 'outstanding', header: '未结(元)', width: 12 },
    ],
    batches: (async function* () {
      yield rows;
    })(),
  };
}

/** Compensation for damaged and lost assets: the list, payments and waivers, the yearly report. */
export function compensationRoutes(app: App, deps: Deps): void {
  const { db, dialect } = deps;
  app.get(
    '/api/assets/compensations',
    {
      config: { auth: AssetsP.read, scope: 'site' },
      schema: {
        tags,
        summary: '赔偿记录 Compensations (filters: status, department, site, year, party)',
        querystring: CompensationListQuery,
        response: { 200: CompensationPageSchema },
      },
    },
    async (req) => listCompensations(db, dialect, actorOf(req), req.query),
  );
  app.post(
    '/api/assets/compensations/:id/payments',
    {
      config: { auth: AssetsP.manage, scope: 'site' },
      schema: {
        tags,
        summary: '登记赔偿收款 Record a payment (400 beyond what is outstanding)',
        params: IdParams,
        body: PaymentSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await recordCompensationEntry(db, actorOf(req), req.params.id, 'payment', req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/assets/compensations/:id/waivers',
    {
      config: { auth: AssetsP.approve, scope: 'site' },
      schema: {
        tags,
        summary: '减免赔偿 Waive part or all of what is owed (with the reason)',
        params: IdParams,
        body: WaiverSchema,
        response: { 200: OkSchema },
      },
    },
    async (req) => {
      await recordCompensationEntry(db, actorOf(req), req.params.id, 'waiver', req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/assets/reports/compensation',
    {
      config: { auth: AssetsP.read, scope: 'site' },
      schema: {
        tags,
        summary:
          '赔偿统计 Compensation per department for a year: count, owed, paid, waived, outstanding',
        querystring: CompensationReportQuery,
        response: { 200: CompensationReportSchema },
      },
    },
    async (req) => compensationReport(db, actorOf(req), req.query),
  );
  app.get(
    '/api/assets/reports/compensation.xlsx',
    {
      config: { auth: AssetsP.export, scope: 'site' },
      schema: {
        tags,
        summary: '导出赔偿统计 The compensation report as .xlsx',
        querystring: CompensationReportQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const report = await compensationReport(db, actor, req.query);
      return sendXlsxStream(
        reply,
        reportSheet(report),
        todayIn(await orgTimeZone(db, actor.orgId)),
      );
    },
  );
}
