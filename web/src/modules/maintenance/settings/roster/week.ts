/*
 * Roster weeks as YYYY-MM-DD strings, Monday first (the Chinese working
 * week). Arithmetic on UTC midnights, so no time zone or summer-time shift
 * can move a day.
 */

const DAY_MS = 86_400_000;
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const isDay = (s: string | null): s is string =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(parse(s));

export function addDays(day: string, n: number): string {
  return format(parse(day) + n * DAY_MS);
}

/** The Monday of the week `day` is in. */
export function mondayOf(day: string): string {
  const weekday = (new Date(parse(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** Monday … Sunday of the week starting `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Today in the browser's time zone (for the organisation's staff, the organisation's). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "11-24" for the column heads. */
export const shortDay = (day: string) => day.slice(5);
