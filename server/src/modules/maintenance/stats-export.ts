import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { forbidden } from '../../platform/errors.ts';
import type { ExportValue } from '../../platform/excel/export-stream.ts';
import {
  headerRange,
  localDateTime,
  sheetColumns,
  styleHeader,
  todayIn,
  XLSX_MIME,
  type ExportColumn,
} from '../../platform/excel/workbook.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { MaintP } from './policy.ts';
import { workOrderStats, type Figures, type GroupBy } from './stats.ts';

/** A column with the Excel number format of its values (minutes, shares). */
type StatColumn = ExportColumn & { numFmt?: string };
export type StatSheet = { name: string; columns: StatColumn[]; rows: ExportValue[][] };
export type StatsRange = { from: string; to: string; siteId?: string | undefined };

const COUNT = '#,##0';
const MINUTES = '#,##0.0';
/** Shares stay numbers (0.857) shown as 85.7%, so Excel can still sum and chart them. */
const SHARE = '0.0%';
const RATING = '0.0';
/** Year-over-year: a relative change for counts and times, percentage points for shares. */
const CHANGE = '+0.0%;-0.0%;0.0%';
const POINTS = '+0.0" 个百分点";-0.0" 个百分点";0.0" 个百分点"';

/** The figures of every group, in the order of GET /api/maintenance/stats. */
const FIGURE_COLUMNS: readonly (StatColumn & { figure: keyof Figures })[] = [
  { figure: 'count', key: 'count', header: '工单数', width: 10, numFmt: COUNT },
  { figure: 'completed', key: 'completed', header: '已完成', width: 10, numFmt: COUNT },
  { figure: 'cancelled', key: 'cancelled', header: '已取消', width: 10, numFmt: COUNT },
  { figure: 'open', key: 'open', header: '未完结', width: 10, numFmt: COUNT },
  {
    figure: 'responseMeanMinutes',
    key: 'responseMean',
    header: '平均响应(分钟)',
    width: 15,
    numFmt: MINUTES,
  },
  {
    figure: 'responseP90Minutes',
    key: 'responseP90',
    header: '90%响应在(分钟)',
    width: 16,
    numFmt: MINUTES,
  },
  {
    figure: 'completionMeanMinutes',
    key: 'completionMean',
    header: '平均完成(分钟)',
    width: 15,
    numFmt: MINUTES,
  },
  {
    figure: 'completionP90Minutes',
    key: 'completionP90',
    header: '90%完成在(分钟)',
    width: 16,
    numFmt: MINUTES,
  },
  { figure: 'slaCompliance', key: 'sla', header: '时限达标率', width: 12, numFmt: SHARE },
  { figure: 'ratingMean', key: 'rating', header: '平均评分', width: 10, numFmt: RATING },
  { figure: 'ratingCount', key: 'ratingCount', header: '评价数', width: 10, numFmt: COUNT },
  { figure: 'satisfiedShare', key: 'satisfied', header: '好评率(≥4分)', width: 13, numFmt: SHARE },
];

/** One sheet per grouping; the empty group's name says why it is empty. */
const GROUP_SHEETS: readonly { groupBy: GroupBy; name: string; header: string; none: string }[] = [
  { groupBy: 'category', name: '按类别', header: '类别', none: '（未分类）' },
  { groupBy: 'month', name: '按月份', header: '月份', none: '—' },
  { groupBy: 'site', name: '按院区', header: '院区', none: '—' },
  { groupBy: 'department', name: '按科室', header: '科室', none: '（未填写）' },
  { groupBy: 'technician', name: '按维修人员', header: '维修人员', none: '（未派工）' },
];

/** The same days one year earlier (29 February becomes the 28th). */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

/**
 * What the period is compared with: the same days a year earlier, up to
 * today's date only, so a year under way (to = 31 December) is set against
 * the same part of last year rather than against all of it, as on the dashboard.
 */
export function comparedWith(range: StatsRange, today: string): StatsRange {
  const to = range.to > today && range.from <= today ? today : range.to;
  return { from: yearBefore(range.from), to: yearBefore(to), siteId: range.siteId };
}

const change = (now: number | null, before: number | null) =>
  now === null || before === null || before === 0 ? null : (now - before) / before;
const points = (now: number | null, before: number | null) =>
  now === null || before === null ? null : Math.round((now - before) * 1000) / 10;

function overview(
  range: StatsRange,
  compared: StatsRange,
  siteName: string,
  now: Figures,
  before: Figures,
): StatSheet {
  const rows: ExportValue[][] = [
    ['统计期间', `${range.from} 至 ${range.to}`, `${compared.from} 至 ${compared.to}`, null],
    ['院区', siteName, siteName, null],
    ...FIGURE_COLUMNS.map((c) => {
      const share = c.numFmt === SHARE;
      const a = now[c.figure];
      const b = before[c.figure];
      return [c.header, a, b, share ? points(a, b) : change(a, b)];
    }),
  ];
  return {
    name: '总览',
    columns: [
      { key: 'figure', header: '指标', width: 18 },
      { key: 'now', header: '本期', width: 24 },
      { key: 'before', header: '上年同期', width: 24 },
      { key: 'change', header: '同比', width: 16 },
    ],
    rows,
  };
}

/** Figures are checked against the permission to export as well as to read. */
function requireExport(actor: Actor, siteId: string | undefined): void {
  if (siteId) return actor.access.require(MaintP.export, siteId);
  const exportable = actor.access.siteScope(MaintP.export);
  if (exportable === 'all') return;
  const readable = actor.access.siteScope(MaintP.read);
  // The file would hold sites the user may read but not export: ask for one site.
  if (readable === 'all' || readable.some((s) => !exportable.includes(s)))
    throw forbidden({
      zh: '您只能导出部分院区的统计：请先选择院区',
      en: 'You may export the figures of some sites only: choose a site first',
    });
}

/**
 * The dashboard as a workbook: 总览 (this period beside the same period a year
 * earlier), one sheet per grouping and 重复故障. Every figure comes from
 * workOrderStats, the function behind GET /api/maintenance/stats, with the same
 * org and site scoping, so the file and the dashboard cannot disagree.
 */
export async function statsWorkbook(
  db: DbOrTx,
  actor: Actor,
  range: StatsRange,
  timeZone: string,
): Promise<StatSheet[]> {
  requireExport(actor, range.siteId);
  const ask = (groupBy: GroupBy, r: StatsRange = range) =>
    workOrderStats(db, actor, { from: r.from, to: r.to, siteId: r.siteId, groupBy });
  const groups = await Promise.all(GROUP_SHEETS.map((g) => ask(g.groupBy)));
  const compared = comparedWith(range, todayIn(timeZone));
  const before = await ask('site', compared);
  const first = groups[0]!;
  const site = range.siteId
    ? await db
        .selectFrom('sites')
        .select('name')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', range.siteId)
        .executeTakeFirst()
    : undefined;
  const siteName = range.siteId ? (site?.name ?? range.siteId) : '全部院区';

  const sheets: StatSheet[] = [overview(range, compared, siteName, first.totals, before.totals)];
  GROUP_SHEETS.forEach((g, i) => {
    sheets.push({
      name: g.name,
      columns: [{ key: 'name', header: g.header, width: 18 }, ...FIGURE_COLUMNS],
      rows: groups[i]!.byGroup.map((row) => [
        row.name ?? g.none,
        ...FIGURE_COLUMNS.map((c) => row[c.figure]),
      ]),
    });
  });
  sheets.push({
    name: '重复故障',
    columns: [
      { key: 'place', header: '地点', width: 24 },
      { key: 'count', header: '30天内报修次数', width: 16, numFmt: COUNT },
      { key: 'since', header: '首次报修', width: 18 },
    ],
    rows: first.repeatFaults.map((r) => [
      r.name,
      r.count,
      localDateTime(r.windowStart, timeZone, true),
    ]),
  });
  return sheets;
}

/** Formats of the 总览 cells, row by row: each figure keeps its own unit. */
function overviewFormat(rowIndex: number, column: number): string | undefined {
  const figure = FIGURE_COLUMNS[rowIndex - 2];
  if (!figure || column === 0) return undefined;
  if (column === 3) return figure.numFmt === SHARE ? POINTS : CHANGE;
  return figure.numFmt;
}

/**
 * Streams the sheets with exceljs's WorkbookWriter, styled like every other
 * export (platform/excel: bold shaded header, frozen first row, auto-filter).
 * The platform's sendXlsxStream writes a single sheet, hence this writer.
 */
export function sendStatsWorkbook(
  reply: FastifyReply,
  sheets: StatSheet[],
  date: string,
): FastifyReply {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.autoFilter = headerRange(sheet.columns.length);
    ws.columns = sheetColumns(sheet.columns).map((c, i) => {
      const numFmt = sheet.columns[i]!.numFmt;
      return numFmt ? { ...c, style: { numFmt } } : c;
    });
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    styleHeader(header, sheet.columns);
    header.commit();
    sheet.rows.forEach((values, r) => {
      const row = ws.addRow(values);
      if (sheet.name === '总览')
        values.forEach((_, c) => {
          const numFmt = overviewFormat(r, c);
          if (numFmt) row.getCell(c + 1).numFmt = numFmt;
        });
      row.commit();
    });
    ws.commit();
  }
  workbook.commit().catch((err: unknown) => {
    reply.log.error({ err }, 'statistics export failed while writing');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header(
      'content-disposition',
      contentDisposition('attachment', `维修统计-${date}.xlsx`, `maintenance-stats-${date}.xlsx`),
    )
    .header('cache-control', 'no-store')
    .send(out);
}
