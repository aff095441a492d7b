import { z } from 'zod';
import { PageQuery } from '../../../platform/http/schemas.ts';
import { msg } from '../../../platform/http/zod-messages.ts';

/** Filters of the idle pool, shared by the page and the export. */
const IdlePoolFilterFields = {
  siteId: z.uuid().optional(),
  /** The category and all its sub-categories. */
  categoryId: z.uuid().optional(),
};
const IdlePoolSortFields = {
  sort: z
    .enum(['category', 'condition', 'count', 'quantity', 'netValue', 'originalValue'])
    .default('category'),
  order: z.enum(['asc', 'desc']).default('asc'),
};
export const IdlePoolQuery = z.strictObject({
  ...IdlePoolFilterFields,
  ...IdlePoolSortFields,
  ...PageQuery,
});
export const IdlePoolExportQuery = z.strictObject({
  ...IdlePoolFilterFields,
  ...IdlePoolSortFields,
});
export type IdlePoolQueryInput = z.infer<typeof IdlePoolQuery>;
export type IdlePoolFilter = { siteId?: string | undefined; categoryId?: string | undefined };
export type IdlePoolSort = z.infer<z.ZodObject<typeof IdlePoolSortFields>>;

const IdleFiguresSchema = z.object({
  /** Cards, and the items they hold (a bulk card holds many chairs). */
  count: z.number(),
  quantity: z.number(),
  netValueFen: z.number(),
  originalValueFen: z.number(),
});
export const IdleGroupSchema = IdleFiguresSchema.extend({
  category: z.object({ id: z.string(), name: z.string() }),
  condition: z.string(),
});
/** One page of groups (category × condition); `total` counts groups, `totals` sum all of them. */
export const IdlePoolSchema = z.object({
  groups: z.array(IdleGroupSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: IdleFiguresSchema,
});

/** Conditions fit to hand to a department instead of buying new, best first. */
export const REUSABLE_CONDITIONS = ['good', 'fair'] as const;

export const IdleRequestSchema = z
  .strictObject({
    assetIds: z.array(z.uuid()).min(1).max(200).optional(),
    categoryId: z.uuid().optional(),
    quantity: z.number().int().min(1).max(200).optional(),
    /** Only assets in this condition (the pool group asked from); omitted: good before fair. */
    condition: z.enum(REUSABLE_CONDITIONS).optional(),
    /**
     * Only the category itself, not its sub-categories: a pool group is one
     * category, and asking from it must not hand out its children's assets.
     * Omitted: the whole subtree ("beds" takes any kind of bed).
     */
    exactCategory: z.boolean().optional(),
    /** Where to take them from (category requests); omitted: any site the user works at. */
    siteId: z.uuid().optional(),
    departmentId: z.uuid(),
    toLocationId: z.uuid().optional(),
    reason: z
      .string()
      .trim()
      .min(2, { error: msg('请填写申请理由', 'Give the reason for the request') })
      .max(1000),
  })
  .refine((v) => !!v.assetIds !== !!(v.categoryId && v.quantity), {
    error: msg(
      '请选择具体资产，或填写类别和数量（二选一）',
      'Choose the assets, or give a category and a quantity (one or the other)',
    ),
    path: ['assetIds'],
  })
  .refine((v) => !v.condition || !!v.categoryId, {
    error: msg('只有按类别申请时才能指定资产状况', 'A condition goes with a category request only'),
    path: ['condition'],
  })
  .refine((v) => v.exactCategory === undefined || !!v.categoryId, {
    error: msg(
      '只有按类别申请时才能限定类别',
      'Limiting to the category goes with a category request only',
    ),
    path: ['exactCategory'],
  });
export type IdleRequestInput = z.infer<typeof IdleRequestSchema>;

export const ReusableQuery = z.strictObject({
  categoryId: z.uuid(),
  quantity: z.coerce.number().int().min(1).max(1000),
  siteId: z.uuid().optional(),
});
export const ReusableSchema = z.object({
  categoryId: z.string(),
  quantity: z.number(),
  available: z.number(),
  enough: z.boolean(),
  assets: z.array(
    z.object({
      id: z.string(),
      tagNo: z.string(),
      name: z.string(),
      siteId: z.string(),
      condition: z.string(),
      netValueFen: z.number(),
      originalValueFen: z.number(),
    }),
  ),
  netValueFen: z.number(),
});

export const ReuseReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  siteId: z.uuid().optional(),
});
export const ReuseReportSchema = z.object({
  year: z.number(),
  /** Idle-asset requests that were received by the department this year. */
  requests: z.number(),
  assets: z.number(),
  /** What buying them would have cost: the assets' original values. */
  savedFen: z.number(),
});
