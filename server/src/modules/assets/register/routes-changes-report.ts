import { z } from 'zod';
import type { Deps } from '../../../platform/deps.ts';
import {
  oneBatch,
  sendXlsxStream,
  type ExportValue,
} from '../../../platform/excel/export-stream.ts';
import { actorOf } from '../../../platform/http/actor.ts';
import type { App } from '../../../platform/http/types.ts';
import { msg } from '../../../platform/http/zod-messages.ts';
import { AssetsP } from '../policy.ts';
import { SOURCE_LABELS } from './asset-excel.ts';
import { changesReport, SITE_TRANSFER, type ChangeSum } from './changes-report.ts';
import { orgToday } from './read-assets.ts';

const tags = ['assets'];

const ChangesQuery = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    siteId: z.uuid().optional(),
  })
  .refine((q) => q.from <= q.to, {
    error: msg('开始日期不能晚于结束日期', 'The start date is after the end date'),
    path: ['from'],
  });

const Sum = z.object({ count: z.number(), quantity: z.number(), originalValueFen: z.number() });
const Columns = { opening: Sum, added: Sum, removed: Sum, closing: Sum };
const ChangesReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      category: z.object({ id: z.string(), code: z.string(), name: z.string() }),
      ...Columns,
    }),
  ),
  totals: z.object(Columns),
  /**
   * The period's additions by the cards' source (purchase, transfer_in,
   * donation …; site_transfer: moved in from another of the organisation's
   * sites, in a report of a site).
   */
  addedBySource: z.array(Sum.extend({ source: z.string() })),
  /** The period's removals: disposed, or (site_transfer) moved to another site. */
  removedByKind: z.array(Sum.extend({ kind: z.enum(['disposed', SITE_TRANSFER]) })),
});

/** The lines under the totals of the .xlsx: what the additions and removals were. */
const ADDED_LABELS: Record<string, string> = { ...SOURCE_LABELS, [SITE_TRANSFER]: '院区调入' };
const REMOVED_LABELS: Record<string, string> = {
  disposed: '报废处置',
  [SITE_TRANSFER]: '院区调出',
};

const yuan = (fen: number) => fen / 100;
const cells = (s: ChangeSum): ExportValue[] => [s.count, s.quantity, yuan(s.originalValueFen)];

/** 资产增减变动表: the register's changes over a period by category, as JSON and as .xlsx. */
export function changesReportRoutes(app: App, { db }: Deps): void {
  const read = { auth: AssetsP.read, scope: 'site' as const };
  app.get(
    '/api/assets/reports/changes',
    {
      config: read,
      schema: {
        tags,
        summary:
          '资产增减变动表 The register over a period by category: opening, added, removed, closing (cards, items, original value)',
        querystring: ChangesQuery,
        response: { 200: ChangesReportSchema },
      },
    },
    async (req) => changesReport(db, actorOf(req), req.query),
  );
  app.get(
    '/api/assets/reports/changes.xlsx',
    {
      config: read,
      schema: { tags, summary: '资产增减变动表 (.xlsx)', querystring: ChangesQuery },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const report = await changesReport(db, actor, req.query);
      const period = `${report.from}至${report.to}`;
      const group = (label: string) =>
        ['count', 'quantity', 'value'].map((k, i) => ({
          key: `${label}-${k}`,
          header: `${label}${['卡片数', '数量', '原值（元）'][i]}`,
          width: i === 2 ? 15 : 9,
        }));
      const blank = (columns: number): ExportValue[] => Array.from({ length: columns }, () => '');
      const sources = report.addedBySource.map((s): ExportValue[] => [
        '',
        `其中：${ADDED_LABELS[s.source] ?? s.source}`,
        ...blank(3),
        ...cells(s),
      ]);
      const removals = report.removedByKind.map((k): ExportValue[] => [
        '',
        `其中：${REMOVED_LABELS[k.kind] ?? k.kind}`,
        ...blank(6),
        ...cells(k),
      ]);
      return sendXlsxStream(
        reply,
        {
          fileName: {
            zh: `资产增减变动表-${report.from}-${report.to}`,
            ascii: `asset-changes-${report.from}-${report.to}`,
          },
          sheetName: '资产增减变动表',
          columns: [
            { key: 'code', header: '分类编码', width: 12, text: true },
            { key: 'name', header: `资产分类（${period}）`, width: 24 },
            ...group('期初'),
            ...group('本期增加'),
            ...group('本期减少'),
            ...group('期末'),
          ],
          batches: oneBatch([
            ...report.rows.map((r) => [
              r.category.code,
              r.category.name,
              ...cells(r.opening),
              ...cells(r.added),
              ...cells(r.removed),
              ...cells(r.closing),
            ]),
            [
              '',
              '合计',
              ...cells(report.totals.opening),
              ...cells(report.totals.added),
              ...cells(report.totals.removed),
              ...cells(report.totals.closing),
            ],
            ...sources,
            ...removals,
          ]),
        },
        await orgToday(db, actor.orgId),
      );
    },
  );
}
