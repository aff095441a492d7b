import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { ImportErrors, rowValidator } from '../../../platform/excel/import-errors.ts';
import {
  runImport,
  type ImportResult,
  type PlannedRow,
} from '../../../platform/excel/import-run.ts';
import { optionalText, readImportSheet } from '../../../platform/excel/read-sheet.ts';
import type { TemplateSpec } from '../../../platform/excel/template.ts';
import type { SheetColumn } from '../../../platform/excel/workbook.ts';
import { newId } from '../../../platform/ids.ts';
import { StoresP } from '../policy.ts';
import { ItemCreateSchema } from './schema.ts';

export const ITEM_COLUMNS = [
  {
    key: 'code',
    header: '编码',
    required: true,
    width: 16,
    text: true,
    note: '物资的唯一编码，只能包含字母、数字和 _ . -。系统中已有该编码时更新该物资，否则新建。',
    example: 'WJ-001',
  },
  {
    key: 'name',
    header: '名称',
    required: true,
    width: 24,
    note: '最多 100 字',
    example: '水龙头阀芯',
  },
  { key: 'spec', header: '规格型号', width: 18, example: 'DN15' },
  { key: 'unit', header: '单位', required: true, width: 8, example: '个' },
  { key: 'category', header: '类别', width: 14, example: '水暖配件' },
  {
    key: 'minStock',
    header: '最低库存',
    width: 10,
    note: '整数；某仓库的数量降到此数或以下时提醒保管员。留空为 0（不提醒）。',
    example: 10,
  },
] as const satisfies readonly SheetColumn[];
type ItemColumnKey = (typeof ITEM_COLUMNS)[number]['key'];

export const ITEMS_TEMPLATE: TemplateSpec = {
  sheetName: '物资',
  columns: ITEM_COLUMNS,
  rules: ['编码相同的行更新已有物资（名称、规格、单位、类别、最低库存），不影响库存数量和金额。'],
};

const validate = rowValidator(ItemCreateSchema);
const HEADERS: Record<string, string> = Object.fromEntries(
  ITEM_COLUMNS.map((c) => [c.key, c.header]),
);
const headerOf = (path: string) => HEADERS[path] ?? path;

/**
 * Imports the item catalogue from an .xlsx: new codes are created, known
 * codes updated; every row is checked first and nothing is written unless
 * all are valid (422 with row-by-row errors).
 */
export async function importItems(db: Db, actor: Actor, buffer: Buffer): Promise<ImportResult> {
  const sheet = await readImportSheet(buffer, ITEM_COLUMNS, new ImportErrors(actor.lang));
  return runImport(db, actor, 'stock_item', (tx) => plan(tx, actor, sheet.rows));
}

async function plan(
  tx: DbOrTx,
  actor: Actor,
  rows: readonly { row: number; cells: Partial<Record<ItemColumnKey, string>> }[],
): Promise<PlannedRow[]> {
  const errors = new ImportErrors(actor.lang);
  const mayEditCatalogue = actor.access.hasOrgWide(StoresP.manage);
  // A catalogue is thousands of items, not millions: read it whole.
  const stored = await tx
    .selectFrom('st_items')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .execute();
  const byCode = new Map(stored.map((i) => [i.code, i]));
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (const r of rows) {
    const c = r.cells;
    const blank = errors.requireCells(r.row, c, ITEM_COLUMNS);
    const min = c.minStock ? Number(c.minStock) : 0;
    const parsed = validate({
      code: c.code,
      name: c.name,
      spec: optionalText(c.spec),
      unit: c.unit,
      category: optionalText(c.category),
      minStock: Number.isNaN(min) ? c.minStock : min,
    });
    if (!parsed.ok) {
      errors.addIssues(r.row, parsed.error, headerOf, blank);
      continue;
    }
    const v = parsed.value;
    const first = seen.get(v.code);
    if (first) {
      errors.add(r.row, '编码', {
        zh: `编码 ${v.code} 与第 ${first} 行重复`,
        en: `Code ${v.code} repeats row ${first}`,
      });
      continue;
    }
    seen.set(v.code, r.row);
    const at = new Date().toISOString();
    const fields = {
      name: v.name,
      spec: v.spec ?? null,
      unit: v.unit,
      category: v.category ?? null,
      min_stock: v.minStock,
    };
    const before = byCode.get(v.code);
    if (!before) {
      const row = {
        id: newId(),
        org_id: actor.orgId,
        code: v.code,
        ...fields,
        active: 1,
        created_at: at,
        updated_at: at,
      };
      planned.push({
        row: r.row,
        kind: 'create',
        apply: async (t) => {
          await t.insertInto('st_items').values(row).execute();
          await recordAudit(t, actor, {
            action: 'create',
            entityType: 'stock_item',
            entityId: row.id,
            after: row,
          });
        },
      });
      continue;
    }
    const same = (Object.keys(fields) as (keyof typeof fields)[]).every(
      (k) => before[k] === fields[k],
    );
    if (same) {
      planned.push({ row: r.row, kind: 'unchanged' });
      continue;
    }
    // As PATCH /api/stores/items/:id: the catalogue is shared by every site.
    if (!mayEditCatalogue) {
      errors.add(r.row, '编码', {
        zh: `物资 ${v.code} 已存在；修改已有物资需要全院的物资管理权限`,
        en: `Item ${v.code} exists; changing an existing item needs stores:manage for the whole organisation`,
      });
      continue;
    }
    planned.push({
      row: r.row,
      kind: 'update',
      apply: async (t) => {
        await t
          .updateTable('st_items')
          .set({ ...fields, updated_at: at })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', before.id)
          .execute();
        await recordAudit(t, actor, {
          action: 'update',
          entityType: 'stock_item',
          entityId: before.id,
          before,
          after: { ...before, ...fields },
        });
      },
    });
  }
  errors.throwIfAny(rows.length);
  return planned;
}
