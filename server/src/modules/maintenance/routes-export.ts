import type { Actor } from '../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import type { Deps } from '../../platform/deps.ts';
import {
  sendXlsxStream,
  type ExportSheet,
  type ExportValue,
} from '../../platform/excel/export-stream.ts';
import { localDateTime, todayIn, type ExportColumn } from '../../platform/excel/workbook.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { App } from '../../platform/http/types.ts';
import { getOrganization } from '../org/index.ts';
import { MaintP } from './policy.ts';
import { WorkOrderListQuery, type WorkOrder, type WorkOrderListFilter } from './schema.ts';
import { listWorkOrders } from './work-orders.ts';
import { STATUS_LABELS } from './workflow.ts';

/** More than anyone reads in Excel; a narrower filter gets the rest. The file says when it was cut. */
export const WORK_ORDER_EXPORT_CAP = 100_000;
/** Rows read per query: the list's own query, paged, so filters and visibility are the list's. */
const BATCH = 1000;

/** The list's filters and sort, without paging: the file holds every matching row. */
const WorkOrderExportQuery = WorkOrderListQuery.omit({ page: true, pageSize: true });

const COLUMNS: readonly ExportColumn[] = [
  { key: 'number', header: '工单号', width: 18, text: true },
  { key: 'status', header: '状态', width: 10 },
  { key: 'site', header: '院区', width: 14 },
  { key: 'building', header: '楼栋', width: 14 },
  { key: 'place', header: '地点', width: 20 },
  { key: 'department', header: '科室', width: 14 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'priority', header: '紧急程度', width: 10 },
  { key: 'description', header: '故障描述', width: 40 },
  { key: 'requester', header: '报修人', width: 12 },
  { key: 'phone', header: '电话', width: 14, text: true },
  { key: 'team', header: '班组', width: 12 },
  { key: 'assignee', header: '维修人', width: 12 },
  { key: 'submittedAt', header: '报修时间', width: 20 },
  { key: 'responseDueAt', header: '响应时限', width: 20 },
  { key: 'completionDueAt', header: '完成时限', width: 20 },
  { key: 'completedAt', header: '完成时间', width: 20 },
  { key: 'responseMinutes', header: '响应用时(分钟)', width: 14 },
  { key: 'completionMinutes', header: '完成用时(分钟)', width: 14 },
  { key: 'overdue', header: '超时', width: 8 },
  { key: 'rating', header: '评价', width: 8 },
  { key: 'labourMinutes', header: '工时(分钟)', width: 12 },
  { key: 'materialsYuan', header: '材料费(元)', width: 12 },
];

function values(o: WorkOrder, timeZone: string): ExportValue[] {
  const breached = o.overdue || o.responseBreached || o.completionBreached;
  return [
    o.number,
    STATUS_LABELS[o.status].zh,
    o.site.name,
    o.building?.name ?? null,
    o.location?.name ?? o.placeText,
    o.department?.name ?? null,
    o.category.name,
    o.priority.name,
    o.description,
    o.requester.name,
    o.requester.phone,
    o.team?.name ?? null,
    o.assignee?.name ?? null,
    localDateTime(o.submittedAt, timeZone, true),
    localDateTime(o.responseDueAt, timeZone, true),
    localDateTime(o.completionDueAt, timeZone, true),
    localDateTime(o.completedAt, timeZone, true),
    o.responseMinutes,
    o.completionMinutes,
    breached ? '是' : null,
    o.rating,
    o.labourMinutes,
    o.materialsFen / 100,
  ];
}

/** The filtered list as an export sheet, in the list's order, cut at `cap` rows with a note. */
export function workOrderExport(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  timeZone: string,
  filter: Omit<WorkOrderListFilter, 'page' | 'pageSize'>,
  cap = WORK_ORDER_EXPORT_CAP,
  batch = BATCH,
): ExportSheet {
  const note = [
    `仅导出了前 ${cap} 行，还有记录未导出：请缩小日期范围或增加筛选条件后分批导出。` +
      ` Only the first ${cap} rows were exported; narrow the dates or filters to export the rest.`,
  ];
  const read = async (page: number) =>
    (await listWorkOrders(db, dialect, actor, { ...filter, page, pageSize: batch })).items;
  async function* batches() {
    let written = 0;
    for (let page = 1; ; page++) {
      const items = await read(page);
      const take = items.slice(0, cap - written);
      written += take.length;
      if (take.length > 0) yield take.map((o) => values(o, timeZone));
      // Cut inside this batch, or exactly at its end with more rows behind it.
      const more =
        take.length < items.length ||
        (written >= cap && items.length === batch && (await read(page + 1)).length > 0);
      if (more) {
        yield [note];
        return;
      }
      if (items.length < batch || written >= cap) return;
    }
  }
  return {
    fileName: { zh: '维修工单', ascii: 'work-orders' },
    sheetName: '维修工单',
    columns: COLUMNS,
    batches: batches(),
  };
}

/** GET /api/maintenance/work-orders/export.xlsx: the dispatch list's filter as an Excel file. */
export function exportRoutes(app: App, { db, dialect }: Deps): void {
  app.get(
    '/api/maintenance/work-orders/export.xlsx',
    {
      config: { auth: MaintP.export, scope: 'site' },
      schema: {
        tags: ['maintenance'],
        summary:
          '导出工单 Export work orders (.xlsx, same filters and visibility as the list, 100,000 rows at most)',
        querystring: WorkOrderExportQuery,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { timezone } = await getOrganization(db, actor.orgId);
      const sheet = workOrderExport(db, dialect, actor, timezone, req.query);
      return sendXlsxStream(reply, sheet, todayIn(timezone));
    },
  );
}
