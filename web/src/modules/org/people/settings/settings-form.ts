import type { Organization, OrganizationUpdate } from '../models.ts';

type Calendar = Organization['settings']['calendar'];

/** One row of the numbering table (the API keeps a record keyed by document type). */
export type NumberingRow = { type: string; prefix: string; digits: number };

/** The settings form's values; names mirror the API's so its field errors land on the fields. */
export type SettingsValues = {
  name: string;
  timezone: string;
  settings: { fiscalYearStartMonth: number; calendar: Calendar };
  numbering: NumberingRow[];
};

export function toFormValues(org: Organization): SettingsValues {
  const calendar = org.settings.calendar;
  return {
    name: org.name,
    timezone: org.timezone,
    settings: {
      fiscalYearStartMonth: org.settings.fiscalYearStartMonth,
      calendar: {
        ...calendar,
        workingDays: [...calendar.workingDays].sort((a, b) => a - b),
        holidays: [...calendar.holidays].sort(),
        extraWorkdays: [...calendar.extraWorkdays].sort(),
      },
    },
    numbering: Object.entries(org.settings.numbering).map(([type, f]) => ({ type, ...f })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The PATCH body: only the parts that changed. The server merges the
 * settings document one level deep, so a changed calendar or numbering table
 * is sent whole. `null` = nothing changed.
 */
export function toPatch(org: Organization, values: SettingsValues): OrganizationUpdate | null {
  const before = toFormValues(org);
  const body: OrganizationUpdate = {};
  if (values.name.trim() !== before.name) body.name = values.name.trim();
  if (values.timezone !== before.timezone) body.timezone = values.timezone;
  const settings: NonNullable<OrganizationUpdate['settings']> = {};
  if (values.settings.fiscalYearStartMonth !== before.settings.fiscalYearStartMonth)
    settings.fiscalYearStartMonth = values.settings.fiscalYearStartMonth;
  const calendar = {
    ...values.settings.calendar,
    workingDays: [...values.settings.calendar.workingDays].sort((a, b) => a - b),
  };
  if (!same(calendar, before.settings.calendar)) settings.calendar = calendar;
  const numbering = Object.fromEntries(
    values.numbering.map((r) => [r.type.trim(), { prefix: r.prefix, digits: r.digits }]),
  );
  if (!same(numbering, org.settings.numbering)) settings.numbering = numbering;
  if (Object.keys(settings).length > 0) body.settings = settings;
  return Object.keys(body).length > 0 ? body : null;
}

/** What a document number will look like: `WO-2026-000123` (see the server's formatNumber). */
export function numberPreview(prefix: string, digits: number, year: number): string {
  const n = Math.min(Math.max(Math.trunc(digits) || 3, 3), 10);
  return `${prefix || '…'}-${year}-${String(123).padStart(n, '0')}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Every day from `from` to `to` inclusive, as `YYYY-MM-DD` (capped at a year). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); t <= end && out.length < 366; t += 864e5)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
