import type { Selectable } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { readJson, writeJson } from '../../../platform/db/dialect.ts';
import { newId, newToken } from '../../../platform/ids.ts';
import { insertRows } from '../../../platform/db/insert-rows.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import type { LocalizedText } from '../../../platform/i18n.ts';
import { nextNumbers } from '../../../platform/numbering/next-number.ts';
import type { AssetStatus } from '../operation-kinds.ts';
import {
  insertOperation,
  loadSettings,
  needsApproval,
  recordAssetEvents,
  type NewOperation,
} from '../operations/index.ts';
import type { AstAssetsTable, AstCategoriesTable } from '../tables.ts';
import { checkCustomFields } from './custom-fields.ts';
import type { AssetCreate, FieldDef } from './schema.ts';

/*
 * The write path every registration shares — one card, a batch of desks, an
 * Excel import: card rows built from the input and the category's defaults,
 * inserted in chunks, one numbered 'register' operation with a line per
 * card, an event on each card's timeline and one audit row, all in the
 * caller's transaction.
 */

export const ASSET_NUMBERING = { docType: 'asset', format: { prefix: 'ZC', digits: 6 } };

type CategoryRow = Selectable<AstCategoriesTable>;

/** A card's own fields, as parsed from a request or an import row. */
export type CardInput = Omit<AssetCreate, 'siteId' | 'categoryId' | 'code' | 'tagNo'>;

// An import checks 100,000 rows against a handful of categories: parse each one's fields once.
const parsedFields = new WeakMap<object, FieldDef[]>();
/** A category row's field definitions, parsed once per row object. */
export function fieldsOf(category: CategoryRow): FieldDef[] {
  let defs = parsedFields.get(category);
  if (!defs) {
    defs = readJson<FieldDef[]>(category.fields) ?? [];
    parsedFields.set(category, defs);
  }
  return defs;
}

/** Problems of a card that the schema cannot see (they need its category). */
export function cardProblems(category: CategoryRow, input: CardInput): LocalizedText[] {
  const problems: LocalizedText[] = [];
  if (category.active !== 1)
    problems.push({
      zh: `分类「${category.name}」已停用`,
      en: `Category "${category.name}" is inactive`,
    });
  if (input.quantity > 1 && category.tracking !== 'bulk')
    problems.push({
      zh: `分类「${category.name}」按件管理，每张卡片数量只能为 1；成批的物品请用批量登记`,
      en: `Category "${category.name}" is tracked one item per card; register several with a batch`,
    });
  problems.push(...checkCustomFields(fieldsOf(category), input.custom).problems);
  return problems;
}

/** A new card's row: as inserted (custom written as JSON text) and as read back. */
export type CardRow = Selectable<AstAssetsTable> & { custom: string };

/** The row of a new card (status decided by registerCards). */
export function cardRow(
  actor: Actor,
  args: {
    siteId: string;
    category: CategoryRow;
    input: CardInput;
    code: string;
    tagNo: string;
    at: string;
  },
): CardRow {
  const { input, category } = args;
  const defs = fieldsOf(category);
  return {
    id: newId(),
    org_id: actor.orgId,
    site_id: args.siteId,
    code: args.code,
    tag_no: args.tagNo,
    qr_token: newToken(),
    name: input.name,
    category_id: category.id,
    model: input.model ?? null,
    unit: input.unit ?? category.unit,
    quantity: input.quantity,
    unit_price_fen: input.unitPriceFen,
    original_value_fen: input.unitPriceFen * input.quantity,
    purchase_date: input.purchaseDate ?? null,
    in_service_date: input.inServiceDate ?? input.purchaseDate ?? null,
    source: input.source,
    supplier: input.supplier ?? null,
    invoice_no: input.invoiceNo ?? null,
    warranty_end: input.warrantyEnd ?? null,
    location_id: input.locationId ?? null,
    department_id: input.departmentId ?? null,
    custodian_person_id: input.custodianPersonId ?? null,
    status: input.departmentId ? 'in_use' : 'idle',
    condition: input.condition,
    depreciation_method: input.depreciationMethod ?? category.depreciation_method,
    life_months: input.lifeMonths !== undefined ? input.lifeMonths : category.life_months,
    residual_bp: input.residualBp ?? category.residual_bp,
    custom: writeJson(checkCustomFields(defs, input.custom).values),
    notes: input.notes ?? null,
    open_operation_id: null,
    disposed_at: null,
    version: 1,
    created_at: args.at,
    updated_at: args.at,
  };
}

/** Asset codes from the numbering service (ZC-2026-000123), `count` at once. */
export function nextAssetCodes(tx: DbOrTx, orgId: string, count: number, now: Date) {
  return nextNumbers(
    tx,
    { orgId, docType: ASSET_NUMBERING.docType, defaultFormat: ASSET_NUMBERING.format, at: now },
    count,
  );
}

/** Which of these codes / tag numbers the organisation has already (the first few). */
export async function takenKeys(
  tx: DbOrTx,
  orgId: string,
  column: 'code' | 'tag_no',
  keys: readonly string[],
  limit = 20,
): Promise<string[]> {
  const found: string[] = [];
  // Chunked: an import checks 100,000 tags, and a statement takes only so many parameters.
  for (let i = 0; i < keys.length && found.length < limit; i += 500) {
    const rows = await tx
      .selectFrom('ast_assets')
      .select(column)
      .where('org_id', '=', orgId)
      .where(column, 'in', keys.slice(i, i + 500))
      .execute();
    found.push(
      ...rows.map((r) =>
        column === 'code' ? (r as { code: string }).code : (r as { tag_no: string }).tag_no,
      ),
    );
  }
  return found.slice(0, limit);
}

export function tagsTaken(tags: readonly string[]) {
  return conflict(
    {
      zh: `标签号已被使用：${tags.join('、')}`,
      en: `Tag numbers already in use: ${tags.join(', ')}`,
    },
    { tags },
  );
}

export function codesTaken(codes: readonly string[]) {
  return conflict(
    {
      zh: `资产编码已存在：${codes.join('、')}`,
      en: `Asset codes already exist: ${codes.join(', ')}`,
    },
    { codes },
  );
}

/** The places, departments and people a card points at must be the organisation's (and the place at the site). */
export async function checkPlacement(
  tx: DbOrTx,
  orgId: string,
  p: {
    siteId: string;
    locationId?: string | null | undefined;
    departmentId?: string | null | undefined;
    custodianPersonId?: string | null | undefined;
  },
): Promise<void> {
  const [site, location, department, person] = await Promise.all([
    tx
      .selectFrom('sites')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', '=', p.siteId)
      .executeTakeFirst(),
    p.locationId
      ? tx
          .selectFrom('locations')
          .select(['id', 'site_id'])
          .where('org_id', '=', orgId)
          .where('id', '=', p.locationId)
          .executeTakeFirst()
      : null,
    p.departmentId
      ? tx
          .selectFrom('departments')
          .select(['id', 'active'])
          .where('org_id', '=', orgId)
          .where('id', '=', p.departmentId)
          .executeTakeFirst()
      : null,
    p.custodianPersonId
      ? tx
          .selectFrom('people')
          .select(['id', 'active', 'deleted_at'])
          .where('org_id', '=', orgId)
          .where('id', '=', p.custodianPersonId)
          .executeTakeFirst()
      : null,
  ]);
  if (!site) throw badRequest({ zh: '院区不存在', en: 'The site does not exist' });
  if (p.locationId && (!location || location.site_id !== p.siteId))
    throw badRequest({
      zh: '存放位置不存在或不属于该院区',
      en: 'The place does not exist or is not at this site',
    });
  if (p.departmentId && (!department || department.active !== 1))
    throw badRequest({
      zh: '使用部门不存在或已停用',
      en: 'The department does not exist or is inactive',
    });
  if (p.custodianPersonId && (!person || person.active !== 1 || person.deleted_at))
    throw badRequest({
      zh: '保管人不存在或已离职',
      en: 'The custodian does not exist or has left',
    });
}

const CARD_COLUMNS = [
  'id',
  'org_id',
  'site_id',
  'code',
  'tag_no',
  'qr_token',
  'name',
  'category_id',
  'model',
  'unit',
  'quantity',
  'unit_price_fen',
  'original_value_fen',
  'purchase_date',
  'in_service_date',
  'source',
  'supplier',
  'invoice_no',
  'warranty_end',
  'location_id',
  'department_id',
  'custodian_person_id',
  'status',
  'condition',
  'depreciation_method',
  'life_months',
  'residual_bp',
  'custom',
  'notes',
  'open_operation_id',
  'disposed_at',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof CardRow)[];

/** New cards into ast_assets (100,000 for an import: see insertRows). */
async function insertCards(tx: DbOrTx, rows: readonly CardRow[]): Promise<void> {
  await insertRows(tx, 'ast_assets', rows, CARD_COLUMNS);
}

export type Registered = {
  operation: { id: string; number: string; status: string };
  count: number;
  assets: { id: string; code: string; tagNo: string; status: AssetStatus }[];
};

/**
 * Inserts new cards with their registration: one operation (pending approval
 * when the organisation approves registrations of this value — the cards
 * then wait as 'pending', the operation open on each), its lines, the
 * timeline events and one audit row.
 */
export async function registerCards(
  tx: DbOrTx,
  actor: Actor,
  siteId: string,
  rows: CardRow[],
  now: Date,
  meta: { reason?: string | null; via: 'single' | 'batch' | 'import'; shared?: boolean },
): Promise<Registered> {
  const at = now.toISOString();
  const settings = await loadSettings(tx, actor.orgId);
  const total = rows.reduce((sum, r) => sum + Number(r.original_value_fen), 0);
  const pending = needsApproval(settings, 'register', total);
  if (pending) for (const r of rows) r.status = 'pending';
  await insertCards(tx, rows);
  const first = rows[0]!;
  const op = await insertOperation(
    tx,
    actor,
    {
      kind: 'register',
      status: pending ? 'pending_approval' : 'done',
      siteId,
      reason: meta.reason ?? null,
      // A batch shares its placement; an import's rows each have their own.
      ...(meta.shared && {
        toSiteId: siteId,
        toLocationId: first.location_id,
        toDepartmentId: first.department_id,
        toCustodianPersonId: first.custodian_person_id,
      }),
      data: { via: meta.via, count: rows.length },
      lines: rows.map((asset) => ({
        // The core's line type names the table interface; a new card is that row.
        asset: asset as unknown as NewOperation['lines'][number]['asset'],
        valueFen: Number(asset.original_value_fen),
      })),
    },
    now,
  );
  if (pending) {
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .updateTable('ast_assets')
        .set({ open_operation_id: op.id })
        .where('org_id', '=', actor.orgId)
        .where(
          'id',
          'in',
          rows.slice(i, i + 500).map((r) => r.id),
        )
        .execute();
    for (const r of rows) r.open_operation_id = op.id;
  }
  await recordAssetEvents(
    tx,
    actor,
    rows.map((r) => ({
      assetId: r.id,
      operationId: op.id,
      action: 'register',
      from: null,
      to: r.status,
      note: meta.reason ?? null,
      at,
    })),
  );
  await recordAudit(tx, actor, {
    action: 'register',
    entityType: rows.length === 1 && meta.via === 'single' ? 'asset' : 'asset_operation',
    entityId: rows.length === 1 && meta.via === 'single' ? first.id : op.id,
    siteId,
    after:
      rows.length === 1
        ? { operation: op.number, asset: first }
        : {
            operation: op.number,
            via: meta.via,
            count: rows.length,
            totalValueFen: total,
            firstTag: first.tag_no,
            lastTag: rows[rows.length - 1]!.tag_no,
          },
  });
  return {
    operation: { id: op.id, number: op.number, status: pending ? 'pending_approval' : 'done' },
    count: rows.length,
    assets: rows.map((r) => ({
      id: r.id,
      code: r.code,
      tagNo: r.tag_no,
      status: r.status as AssetStatus,
    })),
  };
}
