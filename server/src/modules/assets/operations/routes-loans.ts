import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import { sendXlsxStream } from '../../../platform/excel/export-stream.ts';
import { todayIn } from '../../../platform/excel/workbook.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import { PageQuery, paged } from '../../../platform/http/schemas.ts';
import type { App } from '../../../platform/http/types.ts';
import { AssetsP } from '../policy.ts';
import { loansOutstanding, loansPage, type LoanLine } from './loans.ts';
import { orgTimeZone } from './org-calendar.ts';

const LoansQuery = z.strictObject({
  siteId: z.uuid().optional(),
  overdueOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100).optional(),
});
const LoansPageQuery = LoansQuery.extend(PageQuery);
const LoanSchema = z.object({
  operationId: z.string(),
  number: z.string(),
  siteId: z.string(),
  asset: z.object({ id: z.string(), tagNo: z.string(), name: z.string() }),
  borrower: z.object({ personId: z.string().nullable(), name: z.string() }),
  lentAt: z.string(),
  dueDate: z.string().nullable(),
  daysOverdue: z.number(),
});

function loansSheet(lines: LoanLine[]) {
  return {
    fileName: { zh: '借出未还资产', ascii: 'loans-outstanding' },
    sheetName: '借出未还',
    columns: [
      { key: 'number', header: '借用单号', width: 16, text: true },
      { key: 'tagNo', header: '资产编号', width: 14, text: true },
      { key: 'name', header: '资产名称', width: 20 },
      { key: 'borrower', header: '借用人', width: 12 },
      { key: 'lentAt', header: '借出日期', width: 12 },
      { key: 'dueDate', header: '应还日期', width: 12 },
      { key: 'daysOverdue', header: '逾期天数', width: 10 },
    ],
    batches: (async function* () {
      yield lines.map((l) => [
        l.number,
        l.asset.tagNo,
        l.asset.name,
        l.borrower.name,
        l.lentAt.slice(0, 10),
        l.dueDate,
        l.daysOverdue || null,
      ]);
    })(),
  };
}

/** GET /api/assets/reports/loans (+ .xlsx): loans outstanding with days overdue. */
export function loansRoutes(app: App, { db }: Deps): void {
  app.get(
    '/api/assets/reports/loans',
    {
      config: { auth: AssetsP.read, scope: 'site' },
      schema: {
        tags: ['assets-reports'],
        summary: '借出未还 Loans outstanding, most overdue first, a page at a time',
        querystring: LoansPageQuery,
        response: { 200: paged(LoanSchema) },
      },
    },
    async (req) => loansPage(db, actorOf(req), req.query),
  );
  app.get(
    '/api/assets/reports/loans.xlsx',
    {
      config: { auth: AssetsP.export, scope: 'site' },
      schema: {
        tags: ['assets-reports'],
        summary: '导出借出未还 Loans outstanding as .xlsx',
        querystring: LoansQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const lines = await loansOutstanding(db, actor, req.query);
      return sendXlsxStream(reply, loansSheet(lines), todayIn(await orgTimeZone(db, actor.orgId)));
    },
  );
}
