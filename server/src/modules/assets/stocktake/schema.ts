import { z } from 'zod';
import { PageQuery, paged } from '../../../platform/http/schemas.ts';
import { msg } from '../../../platform/http/zod-messages.ts';

/*
 * Stock-take (盘点) API shapes. A campaign snapshots the assets expected in
 * its scope; counters scan them room by room; closing turns the differences
 * into asset operations (loss, damage, recover, adjust) with their approval.
 */

const Id = z.uuid();
const Note = z.string().trim().max(500);

export const STOCKTAKE_STATUSES = ['counting', 'closing', 'closed', 'cancelled'] as const;
export const LINE_RESULTS = ['pending', 'found', 'missing', 'wrong_place', 'damaged'] as const;
export type LineResult = (typeof LINE_RESULTS)[number];

export const StocktakeScopeSchema = z.strictObject({
  /** A building (or any place): the place and everything under it. */
  buildingId: Id.optional(),
  locationId: Id.optional(),
  departmentId: Id.optional(),
  /** A category and its sub-categories. */
  categoryId: Id.optional(),
});
export type StocktakeScope = z.infer<typeof StocktakeScopeSchema>;

export const StocktakeCreateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, {
      error: msg('请填写盘点名称（至少 2 个字）', 'Name the stock-take (2 characters at least)'),
    })
    .max(100, { error: msg('名称最多 100 个字', 'At most 100 characters') }),
  siteId: Id,
  scope: StocktakeScopeSchema.default({}),
});
export type StocktakeCreate = z.infer<typeof StocktakeCreateSchema>;

export const StocktakeListQuery = z.strictObject({
  status: z.enum(STOCKTAKE_STATUSES).optional(),
  siteId: Id.optional(),
  q: z.string().trim().max(100).optional(),
  ...PageQuery,
});
export type StocktakeListFilter = z.infer<typeof StocktakeListQuery>;

const Named = z.object({ id: z.string(), name: z.string() });

export const StocktakeSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  status: z.enum(STOCKTAKE_STATUSES),
  site: Named,
  scope: z.object({
    building: Named.nullable(),
    location: Named.nullable(),
    department: Named.nullable(),
    category: Named.nullable(),
  }),
  expectedCount: z.number().int(),
  countedCount: z.number().int(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type Stocktake = z.infer<typeof StocktakeSchema>;
export const StocktakePageSchema = paged(StocktakeSchema);

export const RoomProgressSchema = z.object({
  location: Named.nullable(),
  expected: z.number().int(),
  found: z.number().int(),
  wrongPlace: z.number().int(),
  damaged: z.number().int(),
  missing: z.number().int(),
  pending: z.number().int(),
});

export const StocktakeDetailSchema = StocktakeSchema.extend({
  totals: z.object({
    found: z.number().int(),
    wrongPlace: z.number().int(),
    damaged: z.number().int(),
    missing: z.number().int(),
    pending: z.number().int(),
    surplus: z.number().int(),
  }),
  rooms: z.array(RoomProgressSchema),
  operations: z.array(
    z.object({ id: z.string(), number: z.string(), kind: z.string(), status: z.string() }),
  ),
  /** What the viewer may do: count (scan, mark, surplus), manage (close, cancel). */
  may: z.object({ count: z.boolean(), manage: z.boolean(), export: z.boolean() }),
});
export type StocktakeDetail = z.infer<typeof StocktakeDetailSchema>;

export const ScanSchema = z
  .strictObject({
    tag: z.string().trim().min(1).max(100).optional(),
    qrToken: z.string().trim().min(1).max(100).optional(),
    /** Where the counter stands. */
    locationId: Id,
    result: z.enum(['found', 'damaged']).optional(),
    note: Note.optional(),
  })
  .refine((v) => !!v.tag || !!v.qrToken, {
    error: msg('请扫码或输入资产标签号', 'Scan the code or type the tag number'),
    path: ['tag'],
  });
export type ScanInput = z.infer<typeof ScanSchema>;

const ScannedAsset = z.object({
  id: z.string(),
  tagNo: z.string(),
  name: z.string(),
  status: z.string(),
  location: Named.nullable(),
});

export const ScanResultSchema = z.object({
  /** found / wrong_place / damaged; not_listed: an asset outside this stock-take; unknown: no such tag. */
  outcome: z.enum(['found', 'wrong_place', 'damaged', 'not_listed', 'unknown']),
  asset: ScannedAsset.nullable(),
  expectedLocation: Named.nullable(),
  /** The same scan had already been recorded: nothing changed. */
  repeated: z.boolean(),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

export const LineMarkSchema = z.strictObject({
  result: z.enum(['pending', 'found', 'missing', 'damaged']),
  note: Note.optional(),
});
export const LineParams = z.strictObject({ id: Id, assetId: Id });

export const SurplusCreateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: msg('请填写物品名称', 'Name the item') })
    .max(100),
  tagNo: z.string().trim().max(100).optional(),
  locationId: Id,
  note: Note.optional(),
});
export type SurplusCreate = z.infer<typeof SurplusCreateSchema>;

export const SurplusSchema = z.object({
  id: z.string(),
  name: z.string(),
  tagNo: z.string().nullable(),
  location: Named.nullable(),
  note: z.string().nullable(),
  countedAt: z.string(),
  /** The card this item is: one whose tag it carries, or the card its closing registered. */
  card: z
    .object({ id: z.string(), code: z.string(), tagNo: z.string(), status: z.string() })
    .nullable(),
  /** The card was registered from this entry when the stock-take was closed (盘盈入账). */
  registered: z.boolean(),
});
export type Surplus = z.infer<typeof SurplusSchema>;

export const LineQuery = z.strictObject({
  locationId: Id.optional(),
  result: z.enum(LINE_RESULTS).optional(),
  ...PageQuery,
});
export type LineFilter = z.infer<typeof LineQuery>;

export const LineSchema = z.object({
  asset: ScannedAsset.extend({ originalValueFen: z.number() }),
  expectedLocation: Named.nullable(),
  foundLocation: Named.nullable(),
  result: z.enum(LINE_RESULTS),
  countedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type Line = z.infer<typeof LineSchema>;
export const LinePageSchema = paged(LineSchema);

export const VARIANCE_KINDS = ['missing', 'wrong_place', 'damaged'] as const;
export const VarianceQuery = z.strictObject({
  kind: z.enum(VARIANCE_KINDS).optional(),
  ...PageQuery,
});
export type VarianceFilter = z.infer<typeof VarianceQuery>;

const Figure = z.object({ count: z.number().int(), valueFen: z.number() });
export const VarianceSchema = z.object({
  /** Missing counts lines not yet found while counting (they become missing on closing). */
  summary: z.object({
    missing: Figure,
    wrongPlace: Figure,
    damaged: Figure,
    surplus: z.object({ count: z.number().int() }),
  }),
  lines: LinePageSchema,
  surplus: z.array(SurplusSchema),
});
export type Variance = z.infer<typeof VarianceSchema>;

/**
 * A surplus entry the manager accepts on closing: it becomes an asset card
 * with the entry's name, tag and place, and what the counter could not
 * record — the category, and optionally the using department and a value.
 */
export const SurplusRegisterSchema = z.strictObject({
  surplusId: Id,
  categoryId: z.uuid({ error: msg('请选择资产分类', 'Choose the category') }),
  departmentId: Id.nullable().optional(),
  unitPriceFen: z
    .number({ error: msg('请填写金额', 'Enter an amount') })
    .int()
    .min(0, { error: msg('金额不能为负数', 'The amount cannot be negative') })
    .max(100_000_000_00, { error: msg('金额过大', 'The amount is too large') })
    .default(0),
});
export type SurplusRegister = z.infer<typeof SurplusRegisterSchema>;

export const CloseSchema = z.strictObject({
  note: Note.optional(),
  /** Surplus entries to register as cards in the closing (others stay recorded only). */
  registerSurplus: z
    .array(SurplusRegisterSchema)
    .max(1000)
    .refine((a) => new Set(a.map((r) => r.surplusId)).size === a.length, {
      error: msg('同一条盘盈重复提交', 'A surplus entry is listed twice'),
    })
    .optional(),
});
export type CloseInput = z.infer<typeof CloseSchema>;
export const CancelSchema = z.strictObject({ note: Note.optional() });
