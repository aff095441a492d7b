import type { DbOrTx } from '../../../platform/db/connect.ts';
import { todayIn } from '../../../platform/excel/workbook.ts';

const DAY_MS = 24 * 3600_000;

/** The organisation's time zone: loans fall due and reports bucket on its calendar. */
export async function orgTimeZone(db: DbOrTx, orgId: string): Promise<string> {
  const row = await db
    .selectFrom('organizations')
    .select('timezone')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.timezone ?? 'Asia/Shanghai';
}

/** Today (YYYY-MM-DD) in a time zone. */
export const localToday = (timeZone: string, now = new Date()) => todayIn(timeZone, now);

/** A calendar date moved by whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** How far a zone is ahead of UTC at an instant, in ms. */
function offsetAt(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - at;
}

/** The instant (ISO) a local calendar day starts: date filters on instants use the org's days. */
export function startOfLocalDay(timeZone: string, date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const guess = utcMidnight - offsetAt(timeZone, utcMidnight);
  // Second pass settles days on which the offset changes (daylight saving).
  return new Date(utcMidnight - offsetAt(timeZone, guess)).toISOString();
}
