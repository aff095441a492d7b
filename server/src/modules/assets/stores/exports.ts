import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import {
  oneBatch,
  type ExportSheet,
  type ExportValue,
} from '../../../platform/excel/export-stream.ts';
import { localDateTime, type ExportColumn } from '../../../platform/excel/workbook.ts';
import { listItems } from './catalog.ts';
import { listDocuments } from './document-reads.ts';
import { consumption, movementSummary } from './reports.ts';
import type {
  ConsumptionFilter,
  DocumentListFilter,
  ItemListFilter,
  MovementFilter,
  PeriodFilter,
  StockFilter,
} from './schema.ts';
import { listMovements, listStock } from './stock-reads.ts';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS } from './labels.ts';

/*
 * Excel files of the stores' lists and reports. Lists are read with their
 * own paged query (same filters, same site scope), batch by batch, so a
 * large ledger streams without being held in memory; money is in 元.
 */

export const EXPORT_CAP = 100_000;
const BATCH = 1000;
type NoPage<T> = Omit<T, 'page' | 'pageSize'>;

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** Pages through a list until it ends or the cap is reached (then says so in a last row). */
async function* pages<T>(
  read: (page: number, pageSize: number) => Promise<T[]>,
  map: (row: T) => ExportValue[],
): AsyncGenerator<ExportValue[][]> {
  let written = 0;
  for (let page = 1; ; page++) {
    const rows = await read(page, BATCH);
    if (rows.length) yield rows.map(map);
    written += rows.length;
    if (rows.length < BATCH) return;
    if (written >= EXPORT_CAP) {
      yield [[`仅导出了前 ${EXPORT_CAP} 行 Only the first ${EXPORT_CAP} rows were exported`]];
      return;
    }
  }
}

const sheet = (
  zh: string,
  ascii: string,
  columns: ExportColumn[],
  batches: AsyncIterable<ExportValue[][]>,
): ExportSheet => ({ fileName: { zh, ascii }, sheetName: zh, columns, batches });

export function itemsExport(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  f: NoPage<ItemListFilter>,
) {
  return sheet(
    '物资目录',
    'stock-items',
    [
      { key: 'code', header: '编码', width: 16, text: true },
      { key: 'name', header: '名称', width: 24 },
      { key: 'spec', header: '规格型号', width: 18 },
      { key: 'unit', header: '单位', width: 8 },
      { key: 'category', header: '类别', width: 14 },
      { key: 'minStock', header: '最低库存', width: 10 },
      { key: 'active', header: '状态', width: 8 },
    ],
    pages(
      async (page, pageSize) =>
        (await listItems(db, dialect, orgId, { ...f, page, pageSize })).items,
      (i) => [i.code, i.name, i.spec, i.unit, i.category, i.minStock, i.active ? '在用' : '停用'],
    ),
  );
}

export function stockExport(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  f: NoPage<StockFilter>,
) {
  return sheet(
    '库存',
    'stock-on-hand',
    [
      { key: 'site', header: '院区', width: 14 },
      { key: 'store', header: '仓库', width: 16 },
      { key: 'code', header: '物资编码', width: 16, text: true },
      { key: 'name', header: '名称', width: 24 },
      { key: 'spec', header: '规格型号', width: 18 },
      { key: 'unit', header: '单位', width: 8 },
      { key: 'quantity', header: '数量', width: 10 },
      { key: 'average', header: '平均单价(元)', width: 12 },
      { key: 'value', header: '金额(元)', width: 12 },
      { key: 'min', header: '最低库存', width: 10 },
      { key: 'low', header: '低于下限', width: 10 },
    ],
    pages(
      async (page, pageSize) =>
        (await listStock(db, dialect, actor, { ...f, page, pageSize })).items,
      (r) => [
        r.site.name,
        r.store.name,
        r.item.code,
        r.item.name,
        r.item.spec,
        r.item.unit,
        r.quantity,
        yuan(r.averageCostFen),
        yuan(r.valueFen),
        r.minStock,
        r.belowMinimum ? '是' : null,
      ],
    ),
  );
}

export function movementsExport(
  db: DbOrTx,
  actor: Actor,
  timeZone: string,
  f: NoPage<MovementFilter>,
) {
  return sheet(
    '出入库流水',
    'stock-movements',
    [
      { key: 'at', header: '时间', width: 18 },
      { key: 'kind', header: '类型', width: 10 },
      { key: 'number', header: '单号', width: 18, text: true },
      { key: 'store', header: '仓库', width: 16 },
      { key: 'code', header: '物资编码', width: 16, text: true },
      { key: 'name', header: '名称', width: 24 },
      { key: 'quantity', header: '数量', width: 10 },
      { key: 'value', header: '金额(元)', width: 12 },
      { key: 'balanceQuantity', header: '结存数量', width: 10 },
      { key: 'balanceValue', header: '结存金额(元)', width: 12 },
      { key: 'department', header: '部门', width: 14 },
      { key: 'workOrder', header: '工单号', width: 18, text: true },
    ],
    pages(
      async (page, pageSize) => (await listMovements(db, actor, { ...f, page, pageSize })).items,
      (m) => [
        localDateTime(m.at, timeZone, true),
        DOCUMENT_KIND_LABELS[m.kind].zh,
        m.document.number,
        m.store.name,
        m.item.code,
        m.item.name,
        m.quantity,
        yuan(m.valueFen),
        m.balanceQuantity,
        yuan(m.balanceValueFen),
        m.department?.name ?? null,
        m.workOrder?.number ?? null,
      ],
    ),
  );
}

export function documentsExport(
  db: DbOrTx,
  actor: Actor,
  timeZone: string,
  f: NoPage<DocumentListFilter>,
) {
  return sheet(
    '出入库单',
    'stock-documents',
    [
      { key: 'number', header: '单号', width: 18, text: true },
      { key: 'kind', header: '类型', width: 10 },
      { key: 'status', header: '状态', width: 10 },
      { key: 'site', header: '院区', width: 14 },
      { key: 'store', header: '仓库', width: 16 },
      { key: 'toStore', header: '调入仓库', width: 16 },
      { key: 'department', header: '部门', width: 14 },
      { key: 'workOrder', header: '工单号', width: 18, text: true },
      { key: 'supplier', header: '供应商', width: 18 },
      { key: 'requestedBy', header: '经办人', width: 12 },
      { key: 'requestedAt', header: '日期', width: 18 },
      { key: 'total', header: '金额(元)', width: 12 },
      { key: 'note', header: '备注', width: 30 },
    ],
    pages(
      async (page, pageSize) => (await listDocuments(db, actor, { ...f, page, pageSize })).items,
      (d) => [
        d.number,
        DOCUMENT_KIND_LABELS[d.kind].zh,
        DOCUMENT_STATUS_LABELS[d.status].zh,
        d.site.name,
        d.store.name,
        d.toStore?.name ?? null,
        d.department?.name ?? null,
        d.workOrder?.number ?? null,
        d.supplier,
        d.requestedBy?.name ?? null,
        localDateTime(d.requestedAt, timeZone, true),
        yuan(d.totalFen),
        d.note,
      ],
    ),
  );
}

export async function movementSummaryExport(db: DbOrTx, actor: Actor, f: PeriodFilter) {
  const rows = await movementSummary(db, actor, f);
  return sheet(
    `收发存汇总`,
    'stock-movement-summary',
    [
      { key: 'code', header: '物资编码', width: 16, text: true },
      { key: 'name', header: '名称', width: 24 },
      { key: 'unit', header: '单位', width: 8 },
      { key: 'openQ', header: '期初数量', width: 10 },
      { key: 'openV', header: '期初金额(元)', width: 12 },
      { key: 'inQ', header: '入库数量', width: 10 },
      { key: 'inV', header: '入库金额(元)', width: 12 },
      { key: 'outQ', header: '出库数量', width: 10 },
      { key: 'outV', header: '出库金额(元)', width: 12 },
      { key: 'closeQ', header: '期末数量', width: 10 },
      { key: 'closeV', header: '期末金额(元)', width: 12 },
    ],
    oneBatch(
      rows.map((r) => [
        r.item.code,
        r.item.name,
        r.item.unit,
        r.openingQuantity,
        yuan(r.openingValueFen),
        r.inQuantity,
        yuan(r.inValueFen),
        r.outQuantity,
        yuan(r.outValueFen),
        r.closingQuantity,
        yuan(r.closingValueFen),
      ]),
    ),
  );
}

export async function consumptionExport(db: DbOrTx, actor: Actor, f: ConsumptionFilter) {
  const rows = await consumption(db, actor, f);
  const byDepartment = f.by === 'department';
  return sheet(
    byDepartment ? '物资消耗-按部门' : '物资消耗-按工单类别',
    byDepartment ? 'stock-consumption-by-department' : 'stock-consumption-by-category',
    [
      { key: 'name', header: byDepartment ? '部门' : '工单类别', width: 20 },
      { key: 'documents', header: '单据数', width: 10 },
      { key: 'quantity', header: '数量合计', width: 10 },
      { key: 'value', header: '金额(元)', width: 12 },
    ],
    oneBatch(rows.map((r) => [r.name ?? '（未记录）', r.documents, r.quantity, yuan(r.valueFen)])),
  );
}
