import { z } from 'zod';
import { msg } from '../../platform/http/zod-messages.ts';

// The web app validates its settings form with these very schemas (ADR 0004),
// so every rule a person can break says what is expected, in both languages.
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  error: msg('时间格式应为 HH:MM，例如 08:00', 'Times are HH:MM, e.g. 08:00'),
});
const IsoDate = z.iso.date({
  error: msg('日期格式应为 YYYY-MM-DD', 'Dates are YYYY-MM-DD'),
});

/**
 * Organisation settings kept as one JSON document: they are read together
 * (calendar for SLA clocks, fiscal year for budgets, numbering formats) and
 * change rarely.
 */
export const WorkingCalendarSchema = z.strictObject({
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. */
  workingDays: z.array(z.number().int().min(1).max(7)).max(7),
  workStart: Time,
  workEnd: Time,
  /** Public holidays (法定节假日) that are not worked. */
  holidays: z.array(IsoDate).max(400, { error: msg('节假日最多 400 天', 'At most 400 holidays') }),
  /** Weekend days worked in exchange for a holiday (调休上班日). */
  extraWorkdays: z
    .array(IsoDate)
    .max(100, { error: msg('调休上班日最多 100 天', 'At most 100 make-up working days') }),
});

export const NumberingFormatSchema = z.strictObject({
  prefix: z.string().regex(/^[A-Z0-9]{1,8}$/, {
    error: msg('前缀为 1–8 位大写字母或数字', 'The prefix is 1–8 capital letters or digits'),
  }),
  digits: z
    .number()
    .int()
    .min(3, { error: msg('序号位数为 3–10', 'The sequence has 3–10 digits') })
    .max(10, { error: msg('序号位数为 3–10', 'The sequence has 3–10 digits') }),
});

/** A document type in the numbering table, e.g. `work_order`. */
export const DocTypeSchema = z.string().regex(/^[a-z_]{2,40}$/, {
  error: msg(
    '单据类型为 2–40 位小写字母或下划线，例如 work_order',
    'Document types are 2–40 lower-case letters or underscores, e.g. work_order',
  ),
});

export const OrgSettingsSchema = z.strictObject({
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  calendar: WorkingCalendarSchema,
  numbering: z.record(DocTypeSchema, NumberingFormatSchema),
});

export type OrgSettings = z.infer<typeof OrgSettingsSchema>;

export const DEFAULT_SETTINGS: OrgSettings = {
  fiscalYearStartMonth: 1,
  calendar: {
    workingDays: [1, 2, 3, 4, 5],
    workStart: '08:00',
    workEnd: '17:30',
    holidays: [],
    extraWorkdays: [],
  },
  numbering: {},
};
