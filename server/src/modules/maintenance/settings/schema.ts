import { z } from 'zod';
import { msg } from '../../../platform/http/zod-messages.ts';

/*
 * Maintenance settings (categories, priorities, SLA overrides, settings,
 * teams, duty roster, dispatch rules). No server-only imports: the web app's
 * settings forms validate with these very schemas.
 */

const Id = z.uuid();
const Name = z.string().trim().min(1).max(100);
const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\w.-]+$/u, {
    error: msg('编码只能包含字母、数字和 _ . -', 'Codes may contain letters, digits and _ . -'),
  });
/** SLA targets: from one minute to 30 days of minutes. */
const Minutes = z
  .number()
  .int()
  .min(1, { error: msg('至少 1 分钟', 'At least 1 minute') })
  .max(43_200, { error: msg('不能超过 43200 分钟（30 天）', 'At most 43,200 minutes (30 days)') });
const Day = z.iso.date({ error: msg('日期格式应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD') });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  error: msg('时间格式应为 HH:MM（00:00–23:59）', 'Times are HH:MM (00:00–23:59)'),
});

// ── Categories ─────────────────────────────────────────────────────────────
export const CategorySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
});
export const CategoryCreateSchema = z.strictObject({
  code: Code,
  name: Name,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
/** No delete: work orders keep their category; retire one with `active: false`. */
export const CategoryUpdateSchema = CategoryCreateSchema.partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type CategoryCreate = z.infer<typeof CategoryCreateSchema>;
export type CategoryUpdate = z.infer<typeof CategoryUpdateSchema>;

// ── Priorities ─────────────────────────────────────────────────────────────
export const PrioritySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  rank: z.number(),
  roundTheClock: z.boolean(),
  responseMinutes: z.number(),
  completionMinutes: z.number(),
  active: z.boolean(),
});
const priorityFields = {
  name: Name,
  /** 1 = most urgent; lists sort by it. */
  rank: z.number().int().min(1).max(99),
  roundTheClock: z.boolean(),
  responseMinutes: Minutes,
  completionMinutes: Minutes,
};
const completionAfterResponse = (v: { responseMinutes?: number; completionMinutes?: number }) =>
  v.responseMinutes === undefined ||
  v.completionMinutes === undefined ||
  v.completionMinutes >= v.responseMinutes;
const COMPLETION_AFTER = {
  error: msg('完成时限不能短于响应时限', 'The completion target cannot be shorter than response'),
  path: ['completionMinutes'],
};
export const PriorityCreateSchema = z
  .strictObject({ code: Code, ...priorityFields })
  .refine(completionAfterResponse, COMPLETION_AFTER);
export const PriorityUpdateSchema = z
  .strictObject({
    name: priorityFields.name.optional(),
    rank: priorityFields.rank.optional(),
    roundTheClock: z.boolean().optional(),
    responseMinutes: Minutes.optional(),
    completionMinutes: Minutes.optional(),
    active: z.boolean().optional(),
  })
  .refine(completionAfterResponse, COMPLETION_AFTER);
export type PriorityCreate = z.infer<typeof PriorityCreateSchema>;
export type PriorityUpdate = z.infer<typeof PriorityUpdateSchema>;

// ── SLA overrides (category × priority) ────────────────────────────────────
export const SlaTargetSchema = z.object({
  id: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  priorityId: z.string(),
  priorityName: z.string(),
  responseMinutes: z.number(),
  completionMinutes: z.number(),
  updatedAt: z.string(),
});
export const SlaTargetPutSchema = z
  .strictObject({
    categoryId: Id,
    priorityId: Id,
    responseMinutes: Minutes,
    completionMinutes: Minutes,
  })
  .refine(completionAfterResponse, COMPLETION_AFTER);
export type SlaTargetPut = z.infer<typeof SlaTargetPutSchema>;

// ── Settings ───────────────────────────────────────────────────────────────
export const MaintenanceSettingsSchema = z.object({
  autoConfirmDays: z.number(),
  excludePaused: z.boolean(),
  warnBeforeMinutes: z.number(),
});
export const MaintenanceSettingsUpdateSchema = z.strictObject({
  /** Days after completion before an unconfirmed order closes by itself. */
  autoConfirmDays: z
    .number()
    .int()
    .min(1, { error: msg('自动验收天数为 1–60 天', 'Auto-confirm after 1–60 days') })
    .max(60, { error: msg('自动验收天数为 1–60 天', 'Auto-confirm after 1–60 days') })
    .optional(),
  /** Paused time (waiting for parts) does not count against the completion target. */
  excludePaused: z.boolean().optional(),
  warnBeforeMinutes: z
    .number()
    .int()
    .min(0, { error: msg('提前提醒为 0–1440 分钟', 'Warn 0–1440 minutes before') })
    .max(1440, { error: msg('提前提醒为 0–1440 分钟', 'Warn 0–1440 minutes before') })
    .optional(),
});
export type MaintenanceSettingsUpdate = z.infer<typeof MaintenanceSettingsUpdateSchema>;

// ── Teams ──────────────────────────────────────────────────────────────────
export const TeamMemberSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  leader: z.boolean(),
  active: z.boolean(),
});
export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  active: z.boolean(),
  members: z.array(TeamMemberSchema),
});
export const TeamListQuery = z.strictObject({
  /** `true`: only active teams (what the dispatch page offers). */
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const TeamCreateSchema = z.strictObject({
  name: Name,
  /** Null: serves every site. */
  siteId: Id.nullable().optional(),
});
export const TeamUpdateSchema = TeamCreateSchema.partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export const TeamMembersPutSchema = z.strictObject({
  members: z
    .array(z.strictObject({ userId: Id, leader: z.boolean().default(false) }))
    .max(200)
    .refine((m) => new Set(m.map((x) => x.userId)).size === m.length, {
      error: msg('成员重复', 'A member is listed twice'),
    }),
});
export type TeamCreate = z.infer<typeof TeamCreateSchema>;
export type TeamUpdate = z.infer<typeof TeamUpdateSchema>;
export type TeamMembersPut = z.infer<typeof TeamMembersPutSchema>;

// ── Duty roster ────────────────────────────────────────────────────────────
export const MAX_DUTY_DAYS = 62;
const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export const DutyQuery = z
  .strictObject({ from: Day, to: Day })
  .refine((q) => q.from <= q.to, {
    error: msg('结束日期不能早于开始日期', 'The end date cannot be before the start'),
    path: ['to'],
  })
  .refine((q) => dayCount(q.from, q.to) <= MAX_DUTY_DAYS, {
    error: msg('一次最多查询 62 天', 'At most 62 days at a time'),
    path: ['to'],
  });
export const DutyEntrySchema = z.object({
  id: z.string(),
  day: z.string(),
  userId: z.string(),
  displayName: z.string(),
  /** An end at or before the start runs past midnight (night shift). */
  startTime: z.string(),
  endTime: z.string(),
});
export const DutyPutSchema = z
  .strictObject({
    /** The days whose entries are replaced (a day listed with no entries is cleared). */
    days: z
      .array(Day)
      .min(1)
      .max(MAX_DUTY_DAYS, { error: msg('一次最多 62 天', 'At most 62 days at a time') }),
    entries: z
      .array(z.strictObject({ day: Day, userId: Id, startTime: Time, endTime: Time }))
      .max(2000),
  })
  .superRefine((v, ctx) => {
    const days = new Set(v.days);
    const seen = new Set<string>();
    v.entries.forEach((e, i) => {
      if (!days.has(e.day))
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'day'],
          message: msg('该日期不在 days 之列', 'This day is not among the days replaced'),
        });
      const key = `${e.day} ${e.userId} ${e.startTime}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'startTime'],
          message: msg('同一人同一天同一开始时间的班次重复', 'The same shift is listed twice'),
        });
      seen.add(key);
    });
  });
export type DutyPut = z.infer<typeof DutyPutSchema>;

// ── Dispatch rules ─────────────────────────────────────────────────────────
export const DispatchRuleSchema = z.object({
  id: z.string(),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  teamId: z.string(),
  teamName: z.string(),
  autoAssign: z.boolean(),
  updatedAt: z.string(),
});
export const DispatchRuleCreateSchema = z.strictObject({
  /** Null: every category. */
  categoryId: Id.nullable(),
  /** Null: every site. */
  siteId: Id.nullable(),
  teamId: Id,
  /** Give the order to the on-duty member at once, or leave it in the team's queue. */
  autoAssign: z.boolean().default(true),
});
export const DispatchRuleUpdateSchema = z.strictObject({
  categoryId: Id.nullable().optional(),
  siteId: Id.nullable().optional(),
  teamId: Id.optional(),
  autoAssign: z.boolean().optional(),
});
export type DispatchRuleCreate = z.infer<typeof DispatchRuleCreateSchema>;
export type DispatchRuleUpdate = z.infer<typeof DispatchRuleUpdateSchema>;
