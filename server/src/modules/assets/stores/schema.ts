import { z } from 'zod';
import { PageQuery, paged } from '../../../platform/http/schemas.ts';
import { msg } from '../../../platform/http/zod-messages.ts';

/*
 * Request and response schemas of the stores (物资/备件). Quantities are whole
 * units of the item's unit (个, 米, 卷); money is integer 分.
 */

const Id = z.uuid();
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullable().optional();
const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, {
    error: msg('编码只能用字母、数字、-、_、.', 'Codes use letters, digits, -, _ and . only'),
  });
const Quantity = z
  .number()
  .int({ error: msg('数量须为整数', 'Quantities are whole numbers') })
  .min(1, { error: msg('数量至少为 1', 'The quantity is at least 1') })
  .max(1_000_000);
const Fen = z.number().int().min(0).max(100_000_000_00);
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const DateOnly = z.iso.date();

export const DOCUMENT_KINDS = [
  'stock_in',
  'requisition',
  'transfer',
  'stocktake',
  'work_order',
  'work_order_return',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['pending_approval', 'done', 'rejected', 'cancelled'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

// ---- items and stores ----

export const ItemCreateSchema = z.strictObject({
  code: Code,
  name: Text(100),
  spec: OptText(100),
  unit: Text(10),
  category: OptText(50),
  minStock: z.number().int().min(0).max(1_000_000).default(0),
});
export const ItemPatchSchema = z.strictObject({
  code: Code.optional(),
  name: Text(100).optional(),
  spec: OptText(100),
  unit: Text(10).optional(),
  category: OptText(50),
  minStock: z.number().int().min(0).max(1_000_000).optional(),
  active: z.boolean().optional(),
});
export type ItemCreate = z.infer<typeof ItemCreateSchema>;
export type ItemPatch = z.infer<typeof ItemPatchSchema>;

export const ItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  category: z.string().nullable(),
  minStock: z.number().int(),
  active: z.boolean(),
});
export type Item = z.infer<typeof ItemSchema>;

export const ItemListQuery = z.strictObject({
  q: z.string().trim().min(1).max(50).optional(),
  category: z.string().trim().min(1).max(50).optional(),
  active: Bool.optional(),
  ...PageQuery,
});
export type ItemListFilter = z.infer<typeof ItemListQuery>;
export const ItemPageSchema = paged(ItemSchema);

export const StoreCreateSchema = z.strictObject({
  siteId: Id,
  code: Code,
  name: Text(60),
  keeperUserId: Id.nullable().optional(),
});
export const StorePatchSchema = z.strictObject({
  code: Code.optional(),
  name: Text(60).optional(),
  keeperUserId: Id.nullable().optional(),
  active: z.boolean().optional(),
});
export type StoreCreate = z.infer<typeof StoreCreateSchema>;
export type StorePatch = z.infer<typeof StorePatchSchema>;

const Named = z.object({ id: z.string(), name: z.string() });
export const StoreSchema = z.object({
  id: z.string(),
  site: Named,
  code: z.string(),
  name: z.string(),
  keeper: Named.nullable(),
  active: z.boolean(),
});
export type Store = z.infer<typeof StoreSchema>;
export const StoreListQuery = z.strictObject({
  siteId: Id.optional(),
  active: Bool.optional(),
});

// ---- documents ----

const Lines = <T extends z.ZodType>(line: T) =>
  z
    .array(line)
    .min(1, { error: msg('至少填写一行物资', 'Add one line at least') })
    .max(200)
    .refine(
      (lines) => new Set(lines.map((l) => (l as { itemId: string }).itemId)).size === lines.length,
      { error: msg('同一物资只能填写一行', 'Each item may appear on one line only') },
    );

export const StockInSchema = z.strictObject({
  storeId: Id,
  supplier: OptText(100),
  note: OptText(500),
  lines: Lines(z.strictObject({ itemId: Id, quantity: Quantity, unitCostFen: Fen })),
});
export const RequisitionSchema = z.strictObject({
  storeId: Id,
  departmentId: Id,
  note: OptText(500),
  lines: Lines(z.strictObject({ itemId: Id, quantity: Quantity })),
});
export const TransferSchema = z
  .strictObject({
    storeId: Id,
    toStoreId: Id,
    note: OptText(500),
    lines: Lines(z.strictObject({ itemId: Id, quantity: Quantity })),
  })
  .refine((v) => v.storeId !== v.toStoreId, {
    error: msg('调出与调入仓库不能相同', 'The two stores must differ'),
    path: ['toStoreId'],
  });
export const StocktakeSchema = z.strictObject({
  storeId: Id,
  note: OptText(500),
  lines: Lines(
    z.strictObject({ itemId: Id, countedQuantity: z.number().int().min(0).max(1_000_000) }),
  ),
});
export const DecisionSchema = z.strictObject({ note: OptText(500) });
export type StockIn = z.infer<typeof StockInSchema>;
export type Requisition = z.infer<typeof RequisitionSchema>;
export type Transfer = z.infer<typeof TransferSchema>;
export type Stocktake = z.infer<typeof StocktakeSchema>;

export const DocumentSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  site: Named,
  store: Named,
  toStore: Named.nullable(),
  department: Named.nullable(),
  workOrder: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
  workOrderCategory: z.string().nullable(),
  supplier: z.string().nullable(),
  note: z.string().nullable(),
  requestedBy: Named.nullable(),
  requestedAt: z.string(),
  approvedBy: Named.nullable(),
  approvedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  totalFen: z.number().int(),
  version: z.number().int(),
});
export type Document = z.infer<typeof DocumentSchema>;
export const DocumentLineSchema = z.object({
  id: z.string(),
  item: z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() }),
  quantity: z.number().int(),
  countedQuantity: z.number().int().nullable(),
  unitCostFen: z.number().int().nullable(),
  valueFen: z.number().int().nullable(),
});
export const DocumentDetailSchema = DocumentSchema.extend({
  lines: z.array(DocumentLineSchema),
  canApprove: z.boolean(),
  canCancel: z.boolean(),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DocumentListQuery = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  siteId: Id.optional(),
  storeId: Id.optional(),
  departmentId: Id.optional(),
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  /** Only the caller's own requests (the requisition page of a department). */
  mine: Bool.optional(),
  ...PageQuery,
});
export type DocumentListFilter = z.infer<typeof DocumentListQuery>;
export const DocumentPageSchema = paged(DocumentSchema);

// ---- stock and ledger ----

export const StockQuery = z.strictObject({
  siteId: Id.optional(),
  storeId: Id.optional(),
  itemId: Id.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  belowMinimum: Bool.optional(),
  ...PageQuery,
});
export type StockFilter = z.infer<typeof StockQuery>;
export const StockRowSchema = z.object({
  store: Named,
  site: Named,
  item: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    spec: z.string().nullable(),
    unit: z.string(),
    category: z.string().nullable(),
  }),
  quantity: z.number().int(),
  valueFen: z.number().int(),
  /** value / quantity, rounded to the 分; null when nothing is on hand. */
  averageCostFen: z.number().int().nullable(),
  minStock: z.number().int(),
  belowMinimum: z.boolean(),
});
export type StockRow = z.infer<typeof StockRowSchema>;
export const StockPageSchema = paged(StockRowSchema);

export const PickableQuery = z.strictObject({
  siteId: Id,
  q: z.string().trim().min(1).max(50).optional(),
});

export const MovementQuery = z.strictObject({
  siteId: Id.optional(),
  storeId: Id.optional(),
  itemId: Id.optional(),
  departmentId: Id.optional(),
  workOrderId: Id.optional(),
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  ...PageQuery,
});
export type MovementFilter = z.infer<typeof MovementQuery>;
export const MovementSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  document: z.object({ id: z.string(), number: z.string() }),
  store: Named,
  item: z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() }),
  quantity: z.number().int(),
  valueFen: z.number().int(),
  balanceQuantity: z.number().int(),
  balanceValueFen: z.number().int(),
  department: Named.nullable(),
  workOrder: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
});
export type Movement = z.infer<typeof MovementSchema>;
export const MovementPageSchema = paged(MovementSchema);

// ---- reports ----

export const PeriodQuery = z
  .strictObject({
    from: DateOnly,
    to: DateOnly,
    siteId: Id.optional(),
    storeId: Id.optional(),
  })
  .refine((v) => v.from <= v.to, {
    error: msg('开始日期不能晚于结束日期', 'The start date is after the end date'),
    path: ['to'],
  });
export type PeriodFilter = z.infer<typeof PeriodQuery>;
export const MovementSummaryRowSchema = z.object({
  item: z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() }),
  openingQuantity: z.number().int(),
  openingValueFen: z.number().int(),
  inQuantity: z.number().int(),
  inValueFen: z.number().int(),
  outQuantity: z.number().int(),
  outValueFen: z.number().int(),
  closingQuantity: z.number().int(),
  closingValueFen: z.number().int(),
});
export type MovementSummaryRow = z.infer<typeof MovementSummaryRowSchema>;
export const ConsumptionRowSchema = z.object({
  /** Department id, or the work-order category name; null: not recorded. */
  key: z.string().nullable(),
  name: z.string().nullable(),
  quantity: z.number().int(),
  valueFen: z.number().int(),
  documents: z.number().int(),
});
export type ConsumptionRow = z.infer<typeof ConsumptionRowSchema>;
export const ConsumptionQuery = z
  .strictObject({
    from: DateOnly,
    to: DateOnly,
    siteId: Id.optional(),
    storeId: Id.optional(),
    by: z.enum(['department', 'work_order_category']).default('department'),
  })
  .refine((v) => v.from <= v.to, {
    error: msg('开始日期不能晚于结束日期', 'The start date is after the end date'),
    path: ['to'],
  });
export type ConsumptionFilter = z.infer<typeof ConsumptionQuery>;
