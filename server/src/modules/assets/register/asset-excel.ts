import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import type { ExportSheet, ExportValue } from '../../../platform/excel/export-stream.ts';
import type { TemplateSpec } from '../../../platform/excel/template.ts';
import type { ExportColumn, SheetColumn } from '../../../platform/excel/workbook.ts';
import { STATUS_LABELS } from '../operation-kinds.ts';
import {
  customCell,
  customColumnKey,
  customColumnsOf,
  fieldDefsOf,
  type CustomColumn,
} from './custom-columns.ts';
import { assetFromRow, categorySubtree, listAssetRows } from './repository.ts';
import type { Asset, AssetFilter, FieldDef } from './schema.ts';
import { assetVisibility, seesNothing, type AssetVisibility } from './visibility.ts';

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

/**
 * Every header of the register's own sheets (import and export): a custom
 * field of such a label gets no column of its own (custom-columns.ts).
 */
export function sheetHeaders(): string[] {
  return [...IMPORT_COLUMNS, ...EXPORT_COLUMNS].map((c) => c.header);
}

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
    '分类的自定义字段（如床位号、屏幕尺寸）：在表头后面加一列，列名与该分类中的字段名称相同；每行按本行资产分类的字段定义校验（必填、数字、日期 YYYY-MM-DD、下拉选项须与定义一致），不属于本行分类的自定义字段列请留空。资产台账的导出文件带有这些列，可参照填写。',
    '列名不是模板中的列、也不是所填分类的自定义字段的列不会导入；列名是某个分类的字段但本次导入的分类都没有该字段时，导入结果会提示该列已忽略。',
  ],
};

/** The register export's own columns; custom-field columns follow them. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
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

/** A card's custom values, one per custom column, each from the field of that label in its category. */
type CustomCells = (a: Asset) => ExportValue[];

function values(a: Asset, custom: CustomCells): ExportValue[] {
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
    ...custom(a),
  ];
}

/**
 * The custom-field columns of an export: the fields of the categories its
 * cards are in. Only categories that define fields are looked at (few), each
 * with one look-up through the list's own query (same filters and
 * visibility, first card only), so no column stays empty for lack of cards.
 */
async function exportCustomColumns(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  visibility: AssetVisibility,
  filter: AssetFilter,
): Promise<{ columns: CustomColumn[]; cells: CustomCells }> {
  const categories = (
    await db
      .selectFrom('ast_categories')
      .select(['id', 'fields', 'sort_order', 'code'])
      .where('org_id', '=', actor.orgId)
      .orderBy('sort_order')
      .orderBy('code')
      .execute()
  )
    .map((c) => ({ id: c.id, defs: fieldDefsOf(c) }))
    .filter((c) => c.defs.length > 0);
  if (categories.length === 0) return { columns: [], cells: () => [] };
  let candidates = categories;
  if (filter.categoryId) {
    const subtree = new Set(
      (await categorySubtree(db, actor.orgId, filter.categoryId).execute()).map((r) => r.id),
    );
    candidates = candidates.filter((c) => subtree.has(c.id));
  }
  const used: typeof categories = [];
  for (const c of candidates) {
    const { rows } = await listAssetRows(
      db,
      dialect,
      actor.orgId,
      visibility,
      { ...filter, categoryId: undefined, categoryIds: [c.id] },
      { limit: 1, offset: 0, count: false },
    );
    if (rows.length > 0) used.push(c);
  }
  const columns = customColumnsOf(
    used.flatMap((c) => c.defs),
    sheetHeaders(),
  );
  // Per category: for each column, the field of that label (if it has one).
  const byCategory = new Map(
    used.map((c) => {
      const byColumn = new Map(c.defs.map((d) => [customColumnKey(d.label), d] as const));
      return [c.id, columns.map((col) => byColumn.get(col.key))] as const;
    }),
  );
  const none: (FieldDef | undefined)[] = columns.map(() => undefined);
  return {
    columns,
    cells: (a) =>
      (byCategory.get(a.category.id) ?? none).map((d) =>
        d ? customCell(d, a.custom[d.key]) : null,
      ),
  };
}

/** More than anyone reads in Excel; a narrower filter gets the rest, and the file says it was cut. */
export const ASSET_EXPORT_CAP = 100_000;
const BATCH = 1000;

/**
 * The register's filtered list as an export sheet, in the list's order and
 * visibility, with a column per custom field of the exported cards' categories.
 */
export async function assetExport(
  db: DbOrTx,
  dialect: DialectName,
  actor: Actor,
  today: string,
  filter: AssetFilter,
  cap = ASSET_EXPORT_CAP,
): Promise<ExportSheet> {
  const note = [
    `仅导出了前 ${cap} 行，还有资产未导出：请增加筛选条件后分批导出。` +
      ` Only the first ${cap} rows were exported; narrow the filters to export the rest.`,
  ];
  const visibility = await assetVisibility(db, actor);
  const custom = seesNothing(visibility)
    ? { columns: [], cells: () => [] }
    : await exportCustomColumns(db, dialect, actor, visibility, filter);
  async function* batches() {
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
      if (take.length > 0) yield take.map((r) => values(assetFromRow(r, today), custom.cells));
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
    columns: [...EXPORT_COLUMNS, ...custom.columns],
    batches: batches(),
  };
}
