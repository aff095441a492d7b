import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import type { ExportSheet, ExportValue } from '../../../platform/excel/export-stream.ts';
import type { TemplateSpec } from '../../../platform/excel/template.ts';
import type { ExportColumn, SheetColumn } from '../../../platform/excel/workbook.ts';
import { STATUS_LABELS } from '../operation-kinds.ts';
import { assetFromRow, listAssetRows } from './repository.ts';
import type { Asset, AssetFilter } from './schema.ts';
import { assetVisibility, seesNothing } from './visibility.ts';

/** How the sheet names the fixed values (来源, 使用状况). */
export const SOURCE_LABELS = {
  purchase: '购置',
  donation: '捐赠',
  transfer_in: '调入',
  self_built: '自建',
  other: '其他',
} as const;
export const CONDITION_LABELS = {
  good: '良好',
  fair: '一般',
  poor: '较差',
  damaged: '损坏',
} as const;

/** The import's columns; `key` names the card field each feeds. */
export const IMPORT_COLUMNS = [
  {
    key: 'category',
    header: '资产分类',
    width: 16,
    required: true,
    note: '分类编码或分类名称（须已在“资产分类”中建立）',
    example: 'JJ-KZY',
  },
  { key: 'name', header: '资产名称', width: 20, required: true, example: '学生课桌' },
  {
    key: 'code',
    header: '资产编码',
    width: 18,
    text: true,
    note: '留空则按编号规则自动生成（ZC-年份-序号）；已存在的编码不能再导入',
  },
  {
    key: 'tagNo',
    header: '标签号',
    width: 14,
    text: true,
    note: '贴在实物上的编号；留空则与资产编码相同',
    example: 'ZY-0001',
  },
  { key: 'model', header: '规格型号', width: 16, example: '1200×600' },
  { key: 'unit', header: '计量单位', width: 8, note: '留空则取分类的单位', example: '张' },
  {
    key: 'quantity',
    header: '数量',
    width: 8,
    note: '按批管理的分类可大于 1；留空为 1',
    example: 1,
  },
  { key: 'unitPrice', header: '单价（元）', width: 12, note: '最多两位小数', example: 380 },
  { key: 'purchaseDate', header: '购置日期', width: 12, note: 'YYYY-MM-DD', example: '2024-08-20' },
  { key: 'inServiceDate', header: '启用日期', width: 12, note: '留空则同购置日期；次月起计提折旧' },
  {
    key: 'source',
    header: '来源',
    width: 8,
    choices: Object.values(SOURCE_LABELS),
    example: '购置',
  },
  { key: 'supplier', header: '供应商', width: 18 },
  { key: 'invoiceNo', header: '发票号', width: 14, text: true },
  { key: 'warrantyEnd', header: '保修截止', width: 12, note: 'YYYY-MM-DD' },
  { key: 'locationCode', header: '存放位置编码', width: 14, text: true, note: '本院区的位置编码' },
  {
    key: 'department',
    header: '使用部门',
    width: 14,
    note: '部门编码或名称；填写则资产登记为“在用”，否则为“闲置”',
  },
  { key: 'custodianNo', header: '保管人工号', width: 12, text: true },
  {
    key: 'condition',
    header: '使用状况',
    width: 10,
    choices: Object.values(CONDITION_LABELS),
    example: '良好',
  },
  { key: 'notes', header: '备注', width: 24 },
] as const satisfies readonly SheetColumn[];
export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The most rows one import takes: a whole register moved from the old system. */
export const MAX_ASSET_IMPORT_ROWS = 100_000;

export const ASSETS_TEMPLATE: TemplateSpec = {
  sheetName: '资产',
  columns: IMPORT_COLUMNS,
  maxRows: MAX_ASSET_IMPORT_ROWS,
  updates: false,
  rules: [
    '导入在所选院区登记新资产，整个文件为一张“登记入账”业务单；需要审批时资产为“待入账”，审批后生效。',
    '资产编码和标签号在本单位内不能重复（包括与已有资产重复），重复时整份文件不导入。',
    '按件管理的分类每行数量只能为 1；多件相同物品请分多行，或使用“批量登记”。',
    '导入后状态、位置、使用部门和保管人只能通过资产业务（领用、调拨等）变更。',
  ],
};

const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { key: 'code', header: '资产编码', width: 18, text: true },
  { key: 'tagNo', header: '标签号', width: 14, text: true },
  { key: 'name', header: '资产名称', width: 20 },
  { key: 'categoryCode', header: '分类编码', width: 12, text: true },
  { key: 'category', header: '资产分类', width: 16 },
  { key: 'model', header: '规格型号', width: 16 },
  { key: 'unit', header: '计量单位', width: 8 },
  { key: 'quantity', header: '数量', width: 8 },
  { key: 'unitPrice', header: '单价（元）', width: 12 },
  { key: 'originalValue', header: '原值（元）', width: 12 },
  { key: 'netValue', header: '净值（元）', width: 12 },
  { key: 'purchaseDate', header: '购置日期', width: 12 },
  { key: 'source', header: '来源', width: 8 },
  { key: 'supplier', header: '供应商', width: 18 },
  { key: 'invoiceNo', header: '发票号', width: 14, text: true },
  { key: 'warrantyEnd', header: '保修截止', width: 12 },
  { key: 'site', header: '院区', width: 14 },
  { key: 'location', header: '存放位置', width: 18 },
  { key: 'department', header: '使用部门', width: 14 },
  { key: 'custodian', header: '保管人', width: 10 },
  { key: 'custodianNo', header: '保管人工号', width: 12, text: true },
  { key: 'status', header: '状态', width: 8 },
  { key: 'condition', header: '使用状况', width: 8 },
  { key: 'notes', header: '备注', width: 24 },
];

const yuan = (fen: number) => fen / 100;

function values(a: Asset): ExportValue[] {
  return [
    a.code,
    a.tagNo,
    a.name,
    a.category.code,
    a.category.name,
    a.model,
    a.unit,
    a.quantity,
    yuan(a.unitPriceFen),
    yuan(a.originalValueFen),
    yuan(a.netValueFen),
    a.purchaseDate,
    SOURCE_LABELS[a.source as keyof typeof SOURCE_LABELS] ?? a.source,
    a.supplier,
    a.invoiceNo,
    a.warrantyEnd,
    a.site.name,
    a.location?.name ?? null,
    a.department?.name ?? null,
    a.custodian?.name ?? null,
    a.custodian?.employeeNo ?? null,
    STATUS_LABELS[a.status].zh,
    CONDITION_LABELS[a.condition],
    a.notes,
  ];
}

/** More than anyone reads in Excel; a narrower filter gets the rest, and the file says it was cut. */
export const ASSET_EXPORT_CAP = 100_000;
const BATCH = 1000;

/** The register's filtered list as an export sheet, in the list's order and visibility. */
export function assetExport(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  today: string,
  filter: AssetFilter,
  cap = ASSET_EXPORT_CAP,
): ExportSheet {
  const note = [
    `仅导出了前 ${cap} 行，还有资产未导出：请增加筛选条件后分批导出。` +
      ` Only the first ${cap} rows were exported; narrow the filters to export the rest.`,
  ];
  async function* batches() {
    const visibility = await assetVisibility(db, actor);
    if (seesNothing(visibility)) return;
    for (let offset = 0; offset < cap; offset += BATCH) {
      const limit = Math.min(BATCH, cap - offset);
      // One row past the cap tells whether the file is complete.
      const { rows } = await listAssetRows(db, dialect, actor.orgId, visibility, filter, {
        limit: offset + limit >= cap ? limit + 1 : limit,
        offset,
        count: false,
      });
      const take = rows.slice(0, limit);
      if (take.length > 0) yield take.map((r) => values(assetFromRow(r, today)));
      if (rows.length > limit) {
        yield [note];
        return;
      }
      if (rows.length < limit) return;
    }
  }
  return {
    fileName: { zh: '资产台账', ascii: 'assets' },
    sheetName: '资产台账',
    columns: EXPORT_COLUMNS,
    batches: batches(),
  };
}
