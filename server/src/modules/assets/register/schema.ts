import { z } from 'zod';
import { PageQuery, paged } from '../../../platform/http/schemas.ts';
import { msg } from '../../../platform/http/zod-messages.ts';
import { ASSET_STATUSES, CONDITIONS } from '../operation-kinds.ts';

/*
 * Request and response schemas of the asset register: categories, cards,
 * the list and its filters. The web app's forms import these (ADR 0004).
 */

const Id = z.uuid();
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullable().optional();
const DateOnly = z.iso.date({ error: msg('日期格式应为 YYYY-MM-DD', 'Use a date as YYYY-MM-DD') });
/** Up to 1 亿元 per item, in 分. */
const Fen = z.number().int().min(0).max(100_000_000_00);
const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9\-_.]*$/, {
    error: msg('编码只能包含字母、数字、-、_ 和 .', 'A code may hold letters, digits, -, _ and .'),
  });

export const TrackingSchema = z.enum(['unit', 'bulk']);
export const MethodSchema = z.enum(['straight_line', 'none']);
export const StatusSchema = z.enum(ASSET_STATUSES);
export const ConditionSchema = z.enum(CONDITIONS);
export const SourceSchema = z.enum(['purchase', 'donation', 'transfer_in', 'self_built', 'other']);

/** An extra field of a category's cards (serial number, 床位号, 出厂编号 …). */
export const FieldDefSchema = z
  .strictObject({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, {
      error: msg(
        '字段键只能包含字母、数字和下划线，且以字母开头',
        'A field key starts with a letter and holds letters, digits and _',
      ),
    }),
    label: Text(40),
    type: z.enum(['text', 'number', 'date', 'select']),
    options: z.array(Text(60)).min(1).max(100).optional(),
    required: z.boolean().optional(),
  })
  .refine((f) => f.type !== 'select' || (f.options && f.options.length > 0), {
    error: msg('下拉字段需要列出选项', 'A select field needs its options'),
    path: ['options'],
  });
export type FieldDef = z.infer<typeof FieldDefSchema>;

const FieldDefs = z
  .array(FieldDefSchema)
  .max(30)
  .refine((fs) => new Set(fs.map((f) => f.key)).size === fs.length, {
    error: msg('字段键不能重复', 'Field keys must be unique'),
  });

const LifeMonths = z
  .number()
  .int()
  .min(1)
  .max(100 * 12);
const ResidualBp = z.number().int().min(0).max(10_000);

export const CategoryCreateSchema = z.strictObject({
  parentId: Id.nullable().optional(),
  code: Code,
  name: Text(60),
  tracking: TrackingSchema.default('unit'),
  unit: OptText(10),
  depreciationMethod: MethodSchema.default('straight_line'),
  /** Months of useful life (政府会计: computers 72, furniture 180, buildings 600). */
  lifeMonths: LifeMonths.nullable().optional(),
  /** Residual value as basis points of the original value (500 = 5%). */
  residualBp: ResidualBp.default(0),
  fields: FieldDefs.default([]),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
});
export type CategoryCreate = z.infer<typeof CategoryCreateSchema>;

export const CategoryUpdateSchema = z.strictObject({
  parentId: Id.nullable().optional(),
  code: Code.optional(),
  name: Text(60).optional(),
  tracking: TrackingSchema.optional(),
  unit: OptText(10),
  depreciationMethod: MethodSchema.optional(),
  lifeMonths: LifeMonths.nullable().optional(),
  residualBp: ResidualBp.optional(),
  fields: FieldDefs.optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  active: z.boolean().optional(),
});
export type CategoryUpdate = z.infer<typeof CategoryUpdateSchema>;

export const CategorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  tracking: TrackingSchema,
  unit: z.string().nullable(),
  depreciationMethod: MethodSchema,
  lifeMonths: z.number().nullable(),
  residualBp: z.number(),
  fields: z.array(FieldDefSchema),
  sortOrder: z.number(),
  active: z.boolean(),
  /** Cards in this category itself (not its sub-categories), disposed ones excluded. */
  assetCount: z.number(),
  /** 0 for a top category; in the tree order, the indentation. */
  depth: z.number(),
});
export type Category = z.infer<typeof CategorySchema>;

export const CategoryListQuery = z.strictObject({
  /**
   * 'tree' (default): every category in tree order — each parent followed by its
   * sub-categories, depth-first — with `depth`, so a page nests them by parentId
   * in one pass (a flat answer keeps the OpenAPI contract free of recursion);
   * 'flat': one level, chosen by parentId ('root' for the top).
   */
  shape: z.enum(['tree', 'flat']).default('tree'),
  parentId: z.union([Id, z.literal('root')]).optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const StarterSchema = z.strictObject({
  catalogue: z.enum(['hospital', 'school', 'office']),
});
export const StarterResultSchema = z.object({
  created: z.number().int(),
  skipped: z.number().int().describe('Codes that already existed: left as they are'),
});

const CustomValues = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** What describes a card; shared by registration, batch and import. */
const Descriptive = {
  name: Text(100),
  model: OptText(100),
  unit: OptText(10),
  unitPriceFen: Fen.default(0),
  purchaseDate: DateOnly.nullable().optional(),
  /** Omitted: the purchase date. Depreciation starts the month after (当月增加当月不提). */
  inServiceDate: DateOnly.nullable().optional(),
  source: SourceSchema.default('purchase'),
  supplier: OptText(100),
  invoiceNo: OptText(60),
  warrantyEnd: DateOnly.nullable().optional(),
  condition: ConditionSchema.default('good'),
  /** Omitted: the category's. */
  depreciationMethod: MethodSchema.optional(),
  lifeMonths: LifeMonths.nullable().optional(),
  residualBp: ResidualBp.optional(),
  /** Values of the category's extra fields, by key. */
  custom: CustomValues.default({}),
  notes: OptText(1000),
};

/** Where the card starts: the site, a place there, a using department and a custodian. */
const Placement = {
  siteId: Id,
  categoryId: Id,
  locationId: Id.nullable().optional(),
  /** Given: the asset is registered in use by this department; else it is idle. */
  departmentId: Id.nullable().optional(),
  custodianPersonId: Id.nullable().optional(),
};

export const AssetCreateSchema = z.strictObject({
  ...Placement,
  ...Descriptive,
  /** Omitted: the next number (ZC-2026-000123). */
  code: Code.optional(),
  /** The label's number; omitted: the code. */
  tagNo: Code.optional(),
  /** More than 1 only in a bulk-tracked category (50 chairs of a hall on one card). */
  quantity: z.number().int().min(1).max(1_000_000).default(1),
});
export type AssetCreate = z.infer<typeof AssetCreateSchema>;

/** The most cards one batch makes: a school's whole delivery of desks, not a whole register. */
export const MAX_BATCH = 2000;

export const AssetBatchSchema = z.strictObject({
  ...Placement,
  ...Descriptive,
  count: z.number().int().min(1).max(MAX_BATCH),
  /** Tags are prefix + number padded to `digits`: ZY-0001 … ZY-0120. */
  tagPrefix: z
    .string()
    .trim()
    .max(20)
    .regex(/^[A-Za-z0-9\-_.]*$/, {
      error: msg(
        '标签前缀只能包含字母、数字、-、_ 和 .',
        'A prefix may hold letters, digits, -, _ and .',
      ),
    }),
  tagStart: z.number().int().min(0).max(99_999_999).default(1),
  tagDigits: z.number().int().min(1).max(8).default(4),
});
export type AssetBatch = z.infer<typeof AssetBatchSchema>;

const THROUGH_OPERATIONS = msg(
  '状态、院区、位置、使用部门、保管人和数量只能通过资产业务（领用、调拨、借用、报损、处置等）变更',
  'Status, site, place, department, custodian and quantity change only through operations (assign, transfer, lend, damage, dispose …)',
);
const OnlyThroughOperations = z.never({ error: THROUGH_OPERATIONS }).optional();

/** Descriptive fields only; the rest of a card changes through operations. */
export const AssetUpdateSchema = z.strictObject({
  /** The version read: a change made by someone else since is a 409. */
  version: z.number().int().min(1),
  name: Text(100).optional(),
  model: OptText(100),
  unit: OptText(10),
  tagNo: Code.optional(),
  categoryId: Id.optional(),
  /** Only before depreciation has started (the books would no longer add up). */
  unitPriceFen: Fen.optional(),
  purchaseDate: DateOnly.nullable().optional(),
  inServiceDate: DateOnly.nullable().optional(),
  source: SourceSchema.optional(),
  supplier: OptText(100),
  invoiceNo: OptText(60),
  warrantyEnd: DateOnly.nullable().optional(),
  depreciationMethod: MethodSchema.optional(),
  lifeMonths: LifeMonths.nullable().optional(),
  residualBp: ResidualBp.optional(),
  custom: CustomValues.optional(),
  notes: OptText(1000),
  status: OnlyThroughOperations,
  siteId: OnlyThroughOperations,
  locationId: OnlyThroughOperations,
  departmentId: OnlyThroughOperations,
  custodianPersonId: OnlyThroughOperations,
  quantity: OnlyThroughOperations,
  condition: OnlyThroughOperations,
  code: z
    .never({ error: msg('资产编码登记后不能修改', 'An asset code cannot change once registered') })
    .optional(),
});
export type AssetUpdate = z.infer<typeof AssetUpdateSchema>;

const Named = z.object({ id: z.string(), name: z.string() }).nullable();

export const AssetSchema = z.object({
  id: z.string(),
  code: z.string(),
  tagNo: z.string(),
  qrToken: z.string(),
  name: z.string(),
  category: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  model: z.string().nullable(),
  unit: z.string().nullable(),
  quantity: z.number(),
  unitPriceFen: z.number(),
  originalValueFen: z.number(),
  /** Book value today: original value less depreciation booked through this month. */
  netValueFen: z.number(),
  purchaseDate: z.string().nullable(),
  inServiceDate: z.string().nullable(),
  source: z.string(),
  supplier: z.string().nullable(),
  invoiceNo: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  site: z.object({ id: z.string(), name: z.string() }),
  location: Named,
  department: Named,
  custodian: z.object({ id: z.string(), name: z.string(), employeeNo: z.string() }).nullable(),
  status: StatusSchema,
  condition: ConditionSchema,
  depreciationMethod: MethodSchema,
  lifeMonths: z.number().nullable(),
  residualBp: z.number(),
  custom: z.record(z.string(), z.unknown()),
  notes: z.string().nullable(),
  /** The operation under way (a loan, a repair, a pending approval); null when none. */
  openOperationId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const AssetPageSchema = paged(AssetSchema).extend({
  /** True when more rows match than were counted (the total is then a lower bound). */
  totalCapped: z.boolean(),
});

export const AssetEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  operationId: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string(),
  note: z.string().nullable(),
  data: z.unknown(),
  at: z.string(),
});

export const AssetOperationRefSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  status: z.string(),
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
  valueFen: z.number(),
});

export const AssetDetailSchema = AssetSchema.extend({
  accumulatedDepreciationFen: z.number(),
  /** Depreciation booked each month now (0 when none or fully depreciated). */
  monthlyDepreciationFen: z.number(),
  categoryFields: z.array(FieldDefSchema),
  events: z.array(AssetEventSchema),
  operations: z.array(AssetOperationRefSchema),
  /** Whether the viewer may edit the card (assets:manage at its site). */
  canManage: z.boolean(),
});
export type AssetDetail = z.infer<typeof AssetDetailSchema>;

export const RegisterResultSchema = z.object({
  operation: z.object({ id: z.string(), number: z.string(), status: z.string() }),
  count: z.number().int(),
  assets: z.array(
    z.object({ id: z.string(), code: z.string(), tagNo: z.string(), status: StatusSchema }),
  ),
});

const StatusList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(StatusSchema).min(1).max(ASSET_STATUSES.length));

/** Filters of the register, shared by the list, the export and the label sheet. */
export const AssetFilterFields = {
  /** Code, tag number, name or model contains this. */
  q: z.string().trim().min(1).max(100).optional(),
  /** The category and all its sub-categories. */
  categoryId: Id.optional(),
  siteId: Id.optional(),
  /** One status or several, comma-separated: `in_use,idle`. */
  status: StatusList.optional(),
  departmentId: Id.optional(),
  /** The place and every place under it (a building: all its floors and rooms). */
  locationId: Id.optional(),
  custodianPersonId: Id.optional(),
  condition: ConditionSchema.optional(),
  purchasedFrom: DateOnly.optional(),
  purchasedTo: DateOnly.optional(),
  /** Warranty ends on or before this date (and is recorded). */
  warrantyBefore: DateOnly.optional(),
  sort: z.enum(['code', 'tagNo', 'name', 'purchaseDate', 'value']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
};
export const AssetListQuery = z.strictObject({ ...AssetFilterFields, ...PageQuery });
export type AssetListFilter = z.infer<typeof AssetListQuery>;
export type AssetFilter = Omit<AssetListFilter, 'page' | 'pageSize'>;
export const AssetExportQuery = z.strictObject(AssetFilterFields);

export const TagParams = z.strictObject({ tag: z.string().trim().min(1).max(60) });
export const QrParams = z.strictObject({ token: z.string().trim().min(8).max(64) });
