import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { notFound } from '../../../platform/errors.ts';
import type { LocalizedText } from '../../../platform/i18n.ts';
import { ImportErrors, rowValidator } from '../../../platform/excel/import-errors.ts';
import { runImport, type ImportResult } from '../../../platform/excel/import-run.ts';
import { MAX_UNZIPPED_BYTES } from '../../../platform/excel/upload.ts';
import {
  optionalText,
  readImportSheet,
  type SheetRow,
} from '../../../platform/excel/read-sheet.ts';
import { AssetsP } from '../policy.ts';
import type { Selectable } from 'kysely';
import type { AstCategoriesTable } from '../tables.ts';
import {
  CONDITION_LABELS,
  IMPORT_COLUMNS,
  MAX_ASSET_IMPORT_ROWS,
  SOURCE_LABELS,
  sheetHeaders,
} from './asset-excel.ts';
import {
  customColumnKey,
  customColumnsOf,
  fieldDefsOf,
  type CustomColumn,
} from './custom-columns.ts';
import { checkCustomField, unknownCustomField } from './custom-fields.ts';
import {
  cardProblems,
  cardRow,
  fieldsOf,
  nextAssetCodes,
  registerCards,
  takenKeys,
  type CardRow,
} from './register-cards.ts';
import { AssetCreateSchema, type FieldDef } from './schema.ts';

/** The fields a row describes in itself; references are resolved from the reference maps. */
const validate = rowValidator(
  AssetCreateSchema.pick({
    name: true,
    model: true,
    unit: true,
    quantity: true,
    unitPriceFen: true,
    purchaseDate: true,
    inServiceDate: true,
    source: true,
    supplier: true,
    invoiceNo: true,
    warrantyEnd: true,
    condition: true,
    notes: true,
    code: true,
    tagNo: true,
  }),
);

const HEADERS: Record<string, string> = {
  ...Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])),
  unitPriceFen: '单价（元）',
};
const headerOf = (path: string) => HEADERS[path] ?? path;

/** 100,000 rows of 19 columns unzip to some 120 MB of sheet XML. */
const LIMITS = { maxRows: MAX_ASSET_IMPORT_ROWS, maxUnzippedBytes: MAX_UNZIPPED_BYTES * 4 };

const invert = <T extends Record<string, string>>(o: T) =>
  new Map(Object.entries(o).map(([k, v]) => [v, k as keyof T]));
const SOURCES = invert(SOURCE_LABELS);
const CONDITIONS = invert(CONDITION_LABELS);

/** 2024/8/20, 2024.8.20 and 2024-8-20 as 2024-08-20; anything else unchanged (the schema then says why). */
function normalizeDate(text: string | undefined): string | null | undefined {
  const v = optionalText(text);
  if (!v) return v;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : v;
}

/** "380" or "380.5" 元 → 分; null when blank; NaN when not money (reported as a row error). */
function fenOf(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.replace(/[,，¥￥\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return Number.NaN;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

type Refs = {
  categories: Map<string, Selectable<AstCategoriesTable>>;
  ambiguousCategoryNames: Set<string>;
  departments: Map<string, string>;
  ambiguousDepartmentNames: Set<string>;
  locations: Map<string, string>;
  people: Map<string, string>;
};

/** Every reference table read once (not once per row). */
async function loadRefs(tx: DbOrTx, orgId: string, siteId: string): Promise<Refs> {
  const [cats, deps, locs, people] = await Promise.all([
    tx.selectFrom('ast_categories').selectAll().where('org_id', '=', orgId).execute(),
    tx
      .selectFrom('departments')
      .select(['id', 'code', 'name'])
      .where('org_id', '=', orgId)
      .where('active', '=', 1)
      .execute(),
    tx
      .selectFrom('locations')
      .select(['id', 'code'])
      .where('org_id', '=', orgId)
      .where('site_id', '=', siteId)
      .execute(),
    tx
      .selectFrom('people')
      .select(['id', 'employee_no'])
      .where('org_id', '=', orgId)
      .where('active', '=', 1)
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  // Names that occur once may stand for their row; a name used twice needs the code.
  const byName = <T extends { name: string }>(list: T[]) => {
    const count = new Map<string, number>();
    for (const r of list) count.set(r.name, (count.get(r.name) ?? 0) + 1);
    return {
      unique: list.filter((r) => count.get(r.name) === 1).map((r) => [r.name, r] as const),
      twice: new Set([...count].filter(([, n]) => n > 1).map(([name]) => name)),
    };
  };
  const catNames = byName(cats);
  const depNames = byName(deps);
  return {
    // Codes win over names: a code is unique, a name may not be.
    categories: new Map([...catNames.unique, ...cats.map((c) => [c.code, c] as const)]),
    ambiguousCategoryNames: catNames.twice,
    departments: new Map([
      ...depNames.unique.map(([name, d]) => [name, d.id] as const),
      ...deps.map((d) => [d.code, d.id] as const),
    ]),
    ambiguousDepartmentNames: depNames.twice,
    locations: new Map(locs.map((l) => [l.code, l.id])),
    people: new Map(people.map((p) => [p.employee_no, p.id])),
  };
}

/**
 * The custom-field columns an import may find: one per label among the
 * fields of the organisation's categories. Which field a cell feeds is
 * decided per row, by its category.
 */
async function importCustomColumns(db: DbOrTx, orgId: string): Promise<CustomColumn[]> {
  const categories = await db
    .selectFrom('ast_categories')
    .select(['fields', 'sort_order', 'code'])
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return customColumnsOf(categories.flatMap(fieldDefsOf), sheetHeaders());
}

/** The answer of an import: counts, the registration it made, and columns it left out. */
export type AssetImportResult = ImportResult & {
  operationId: string | null;
  operationNumber: string | null;
  warnings: string[];
};

/**
 * Imports asset cards from an .xlsx at one site: every row is checked first
 * (references resolved from maps read once, codes and tags checked against
 * the register in chunks) and nothing is written unless every row is valid;
 * then all cards land in one transaction as one register operation, inserted
 * in chunks. Existing codes or tags are errors — an import registers new
 * property, it never overwrites a card (changes go through operations).
 */
export async function importAssets(
  db: Db,
  actor: Actor,
  siteId: string,
  buffer: Buffer,
): Promise<AssetImportResult> {
  if (!actor.access.hasAt(AssetsP.manage, siteId)) throw notFound({ zh: '院区', en: 'Site' });
  const site = await db
    .selectFrom('sites')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw notFound({ zh: '院区', en: 'Site' });
  const errors = new ImportErrors(actor.lang);
  const customColumns = await importCustomColumns(db, actor.orgId);
  const sheet = await readImportSheet(
    buffer,
    [...IMPORT_COLUMNS, ...customColumns],
    errors,
    LIMITS,
  );
  const present = customColumns.filter((c) => sheet.present.has(c.key));
  let operationId: string | null = null;
  let operationNumber: string | null = null;
  let warnings: LocalizedText[] = [];
  const result = await runImport(db, actor, 'asset', async (tx) => {
    const planned = await planRows(
      tx,
      actor,
      siteId,
      sheet.rows,
      present,
      new ImportErrors(actor.lang),
    );
    const rows = planned.cards;
    warnings = planned.warnings;
    const first = sheet.rows[0];
    if (rows.length === 0 || !first) return [];
    return [
      {
        row: first.row,
        kind: 'create' as const,
        apply: async (t: DbOrTx) => {
          const registered = await registerCards(t, actor, siteId, rows, new Date(), {
            via: 'import',
          });
          operationId = registered.operation.id;
          operationNumber = registered.operation.number;
        },
      },
      ...sheet.rows.slice(1).map((r) => ({ row: r.row, kind: 'create' as const })),
    ];
  });
  return {
    ...result,
    operationId,
    operationNumber,
    warnings: warnings.map((w) => w[actor.lang]),
  };
}

/**
 * A row's custom values, checked field by field against its category's
 * definitions (checkCustomField, as the API checks them), each problem
 * reported under the field's column. A value in the column of a field that
 * other rows' categories have but this row's has not is refused, as the API
 * refuses an unknown key: it would be stored nowhere.
 */
function rowCustomValues(
  row: number,
  defs: readonly FieldDef[],
  cells: Partial<Record<string, string>>,
  shared: readonly CustomColumn[],
  errors: ImportErrors,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  const own = new Set<string>();
  for (const d of defs) {
    const key = customColumnKey(d.label);
    own.add(key);
    const text = cells[key];
    const { value, problem } = checkCustomField(d, d.type === 'date' ? normalizeDate(text) : text);
    if (problem) errors.add(row, d.label, problem);
    else if (value !== undefined) values[d.key] = value;
  }
  for (const c of shared) {
    if (!own.has(c.key) && cells[c.key]) errors.add(row, c.header, unknownCustomField(c.header));
  }
  return values;
}

async function planRows(
  tx: DbOrTx,
  actor: Actor,
  siteId: string,
  rows: readonly SheetRow<string>[],
  customColumns: readonly CustomColumn[],
  errors: ImportErrors,
): Promise<{ cards: CardRow[]; warnings: LocalizedText[] }> {
  const refs = await loadRefs(tx, actor.orgId, siteId);
  // Custom columns that are a field of some row's category are checked row by
  // row; one that is a field of none of them is left out, and said so once.
  const used = new Set<string>();
  for (const category of new Set(rows.map((r) => refs.categories.get(r.cells.category ?? '')))) {
    if (category) for (const d of fieldsOf(category)) used.add(customColumnKey(d.label));
  }
  const shared = customColumns.filter((c) => used.has(c.key));
  const warnings = customColumns
    .filter((c) => !used.has(c.key))
    .map((c) => ({
      zh: `列「${c.header}」不是本次导入的资产分类的自定义字段，已忽略`,
      en: `Column "${c.header}" is a custom field of none of the imported categories; it was ignored`,
    }));
  const now = new Date();
  const at = now.toISOString();
  const firstOf = { code: new Map<string, number>(), tag: new Map<string, number>() };
  const planned: { row: number; card: CardRow | null; needsCode: boolean }[] = [];

  for (const r of rows) {
    const c = r.cells;
    const blank = errors.requireCells(r.row, c, IMPORT_COLUMNS);
    const price = fenOf(c.unitPrice);
    if (Number.isNaN(price))
      errors.add(r.row, '单价（元）', {
        zh: `单价「${c.unitPrice}」不是金额（元，最多两位小数）`,
        en: `Unit price "${c.unitPrice}" is not an amount (yuan, two decimals at most)`,
      });
    let source: string | undefined;
    if (c.source) {
      source = SOURCES.get(c.source) ?? (c.source in SOURCE_LABELS ? c.source : undefined);
      if (!source)
        errors.add(r.row, '来源', {
          zh: `来源「${c.source}」无效，只能填写：${Object.values(SOURCE_LABELS).join('、')}`,
          en: `Source "${c.source}" is invalid; use ${Object.values(SOURCE_LABELS).join(', ')}`,
        });
    }
    let condition: string | undefined;
    if (c.condition) {
      condition =
        CONDITIONS.get(c.condition) ?? (c.condition in CONDITION_LABELS ? c.condition : undefined);
      if (!condition)
        errors.add(r.row, '使用状况', {
          zh: `使用状况「${c.condition}」无效，只能填写：${Object.values(CONDITION_LABELS).join('、')}`,
          en: `Condition "${c.condition}" is invalid; use ${Object.values(CONDITION_LABELS).join(', ')}`,
        });
    }
    const quantity = c.quantity ? Number(c.quantity) : 1;
    const data: Record<string, unknown> = {
      name: c.name,
      model: optionalText(c.model) ?? undefined,
      unit: optionalText(c.unit) ?? undefined,
      quantity,
      unitPriceFen: Number.isNaN(price) ? 0 : (price ?? 0),
      purchaseDate: normalizeDate(c.purchaseDate) ?? undefined,
      inServiceDate: normalizeDate(c.inServiceDate) ?? undefined,
      supplier: optionalText(c.supplier) ?? undefined,
      invoiceNo: optionalText(c.invoiceNo) ?? undefined,
      warrantyEnd: normalizeDate(c.warrantyEnd) ?? undefined,
      notes: optionalText(c.notes) ?? undefined,
      code: optionalText(c.code) ?? undefined,
      tagNo: optionalText(c.tagNo) ?? undefined,
      ...(source && { source }),
      ...(condition && { condition }),
    };
    const parsed = validate(data);
    if (!parsed.ok) errors.addIssues(r.row, parsed.error, headerOf, blank);

    const category = c.category ? refs.categories.get(c.category) : undefined;
    if (c.category && !category)
      errors.add(
        r.row,
        '资产分类',
        refs.ambiguousCategoryNames.has(c.category)
          ? {
              zh: `有多个分类名为「${c.category}」，请填写分类编码`,
              en: `Several categories are named "${c.category}"; give the code`,
            }
          : {
              zh: `资产分类「${c.category}」不存在，请先在资产分类中建立`,
              en: `Category "${c.category}" does not exist; create it first`,
            },
      );
    let departmentId: string | null = null;
    if (c.department) {
      departmentId = refs.departments.get(c.department) ?? null;
      if (!departmentId)
        errors.add(
          r.row,
          '使用部门',
          refs.ambiguousDepartmentNames.has(c.department)
            ? {
                zh: `有多个部门名为「${c.department}」，请填写部门编码`,
                en: `Several departments are named "${c.department}"; give the code`,
              }
            : {
                zh: `使用部门「${c.department}」不存在或已停用`,
                en: `Department "${c.department}" does not exist or is inactive`,
              },
        );
    }
    let locationId: string | null = null;
    if (c.locationCode) {
      locationId = refs.locations.get(c.locationCode) ?? null;
      if (!locationId)
        errors.add(r.row, '存放位置编码', {
          zh: `本院区没有位置编码 ${c.locationCode}`,
          en: `This site has no place with code ${c.locationCode}`,
        });
    }
    let custodianPersonId: string | null = null;
    if (c.custodianNo) {
      custodianPersonId = refs.people.get(c.custodianNo) ?? null;
      if (!custodianPersonId)
        errors.add(r.row, '保管人工号', {
          zh: `工号 ${c.custodianNo} 不存在或已离职`,
          en: `Employee number ${c.custodianNo} does not exist or has left`,
        });
    }
    const code = optionalText(c.code) ?? null;
    const tag = optionalText(c.tagNo) ?? code;
    for (const [key, value, header] of [
      ['code', code, '资产编码'],
      ['tag', tag, '标签号'],
    ] as const) {
      if (!value) continue;
      const first = firstOf[key].get(value);
      if (first !== undefined)
        errors.add(r.row, header, {
          zh: `${header} ${value} 与第 ${first} 行重复`,
          en: `${header === '资产编码' ? 'Code' : 'Tag'} ${value} repeats row ${first}`,
        });
      else firstOf[key].set(value, r.row);
    }
    const custom = category ? rowCustomValues(r.row, fieldsOf(category), c, shared, errors) : {};
    if (!parsed.ok || !category || errors.hasRow(r.row)) {
      planned.push({ row: r.row, card: null, needsCode: false });
      continue;
    }
    const input = {
      ...parsed.value,
      custom,
      locationId,
      departmentId,
      custodianPersonId,
    };
    for (const p of cardProblems(category, input)) errors.add(r.row, '资产分类', p);
    if (errors.hasRow(r.row)) {
      planned.push({ row: r.row, card: null, needsCode: false });
      continue;
    }
    const card = cardRow(actor, {
      siteId,
      category,
      input,
      code: code ?? '',
      tagNo: tag ?? '',
      at,
    });
    planned.push({ row: r.row, card, needsCode: code === null });
  }

  // Codes and tags already in the register: one chunked look-up each, not one per row.
  const rowOf = (map: Map<string, number>, v: string) => map.get(v) ?? 0;
  for (const code of await takenKeys(tx, actor.orgId, 'code', [...firstOf.code.keys()], 1000))
    errors.add(rowOf(firstOf.code, code), '资产编码', {
      zh: `资产编码 ${code} 已存在`,
      en: `Asset code ${code} already exists`,
    });
  for (const tag of await takenKeys(tx, actor.orgId, 'tag_no', [...firstOf.tag.keys()], 1000))
    errors.add(rowOf(firstOf.tag, tag), '标签号', {
      zh: `标签号 ${tag} 已被使用`,
      en: `Tag number ${tag} is already in use`,
    });
  errors.throwIfAny(rows.length);

  const cards = planned.map((p) => p.card!);
  const missing = planned.filter((p) => p.needsCode);
  if (missing.length > 0) {
    const codes = await nextAssetCodes(tx, actor.orgId, missing.length, now);
    const clash = [
      ...(await takenKeys(tx, actor.orgId, 'code', codes, 1)),
      ...(await takenKeys(tx, actor.orgId, 'tag_no', codes, 1)),
    ];
    const inFile = codes.find((c) => firstOf.code.has(c) || firstOf.tag.has(c));
    if (clash.length > 0 || inFile) {
      const taken = clash[0] ?? inFile!;
      errors.add(missing[0]!.row, '资产编码', {
        zh: `自动生成的资产编码 ${taken} 已被占用，请在文件中填写资产编码`,
        en: `The generated code ${taken} is taken; fill in the codes in the file`,
      });
      errors.throwIfAny(rows.length);
    }
    missing.forEach((p, i) => {
      p.card!.code = codes[i]!;
      if (p.card!.tag_no === '') p.card!.tag_no = codes[i]!;
    });
  }
  return { cards, warnings };
}
