import { z } from 'zod';

/**
 * Organisation settings kept as one JSON document: they are read together
 * (calendar for SLA clocks, fiscal year for budgets, numbering formats) and
 * change rarely.
 */
export const WorkingCalendarSchema = z.strictObject({
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. */
  workingDays: z.array(z.number().int().min(1).max(7)).max(7),
  workStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  workEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** Public holidays (法定节假日) that are not worked. */
  holidays: z.array(z.iso.date()).max(400),
  /** Weekend days worked in exchange for a holiday (调休上班日). */
  extraWorkdays: z.array(z.iso.date()).max(100),
});

export const NumberingFormatSchema = z.strictObject({
  prefix: z.string().regex(/^[A-Z0-9]{1,8}$/),
  digits: z.number().int().min(3).max(10),
});

export const OrgSettingsSchema = z.strictObject({
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  calendar: WorkingCalendarSchema,
  numbering: z.record(z.string().regex(/^[a-z_]{2,40}$/), NumberingFormatSchema),
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
