import type { Db } from '../db/connect.ts';
import type { ExportSheet, ExportValue } from '../excel/export-stream.ts';
import { localDateTime, type ExportColumn } from '../excel/workbook.ts';
import { AUDIT_ACTION_NAMES_ZH, AUDIT_ENTITY_NAMES_ZH } from './audit-names.ts';
import { auditBatches, type AuditEntry } from './repository.ts';
import type { AuditExportFilter } from './schema.ts';

/**
 * At most this many rows per file: more than anyone reads in Excel, and a
 * narrower date range or filter gets the rest. The file says when it was cut.
 */
export const AUDIT_EXPORT_CAP = 100_000;

const COLUMNS: readonly ExportColumn[] = [
  { key: 'at', header: '时间', width: 20 },
  { key: 'actorName', header: '操作人', width: 14 },
  { key: 'action', header: '动作', width: 16 },
  { key: 'entityType', header: '对象类型', width: 16 },
  { key: 'entityId', header: '对象编号', width: 38, text: true },
  { key: 'siteName', header: '院区', width: 16 },
  { key: 'ip', header: 'IP', width: 16, text: true },
  { key: 'requestId', header: '请求编号', width: 38, text: true },
  // The codes the API and the page's filters take, for whoever sifts the file further.
  { key: 'actionCode', header: '动作代码', width: 16, text: true },
  { key: 'entityTypeCode', header: '对象类型代码', width: 18, text: true },
  { key: 'actorUserId', header: '操作人账号 ID', width: 38, text: true },
  { key: 'before', header: '修改前', width: 50 },
  { key: 'after', header: '修改后', width: 50 },
];

/** Excel keeps at most 32,767 characters in a cell. */
const CELL_MAX = 32_000;

function json(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…` : text;
}

function values(e: AuditEntry, timeZone: string): ExportValue[] {
  return [
    localDateTime(e.at, timeZone),
    e.actorName,
    AUDIT_ACTION_NAMES_ZH[e.action] ?? e.action,
    AUDIT_ENTITY_NAMES_ZH[e.entityType] ?? e.entityType,
    e.entityId,
    e.siteName,
    e.ip,
    e.requestId,
    e.action,
    e.entityType,
    e.actorUserId,
    json(e.before),
    json(e.after),
  ];
}

/** The filtered audit log as an export sheet, newest first, cut at `cap` rows with a note. */
export function auditExport(
  db: Db,
  orgId: string,
  timeZone: string,
  filter: AuditExportFilter,
  cap = AUDIT_EXPORT_CAP,
): ExportSheet {
  async function* batches() {
    let written = 0;
    // One row more than the cap tells whether the file is complete.
    for await (const entries of auditBatches(db, orgId, filter, cap + 1)) {
      const take = entries.slice(0, cap - written);
      written += take.length;
      if (take.length > 0) yield take.map((e) => values(e, timeZone));
      if (take.length < entries.length) {
        yield [
          [
            `仅导出了最新的 ${cap} 行，还有更早的记录未导出：请缩小日期范围或增加筛选条件后分批导出。` +
              ` Only the newest ${cap} rows were exported; narrow the date range or filters to export the rest.`,
          ],
        ];
        return;
      }
    }
  }
  return {
    fileName: { zh: '审计日志', ascii: 'audit-log' },
    sheetName: '审计日志',
    columns: COLUMNS,
    batches: batches(),
  };
}
