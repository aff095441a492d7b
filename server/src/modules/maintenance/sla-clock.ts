/**
 * SLA clock arithmetic on an organisation's working calendar: working days
 * (ISO weekdays), working hours, public holidays (法定节假日) and weekend days
 * worked in exchange (调休上班日), in the organisation's time zone. Pure
 * functions: the work-order service stores their results (due times,
 * measured minutes), so figures never depend on today's calendar.
 */

export type WorkingCalendar = {
  workingDays: number[];
  workStart: string;
  workEnd: string;
  holidays: string[];
  extraWorkdays: string[];
};

export type Clock = { calendar: WorkingCalendar; timeZone: string; roundTheClock: boolean };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// A calendar with no working day at all would never reach a due time; after
// this many days without one the clock runs round the clock instead.
const MAX_DAYS = 1000;

type LocalDate = { y: number; m: number; d: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock parts of an instant in a time zone. */
function partsIn(timeZone: string, at: number) {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { y: p.year!, m: p.month!, d: p.day!, h: p.hour!, min: p.minute!, s: p.second! };
}

/** Minutes the zone is ahead of UTC at an instant (480 for Asia/Shanghai). */
function offsetMinutes(timeZone: string, at: number): number {
  const p = partsIn(timeZone, at);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / MINUTE);
}

/** The instant a wall-clock time of a zone denotes (DST gaps resolve forwards). */
function instantOf(timeZone: string, date: LocalDate, hhmm: string): number {
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const guess = Date.UTC(date.y, date.m - 1, date.d, hh, mm);
  const first = guess - offsetMinutes(timeZone, guess) * MINUTE;
  return guess - offsetMinutes(timeZone, first) * MINUTE;
}

const iso = (d: LocalDate) =>
  `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;

function nextDate(d: LocalDate): LocalDate {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d) + DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function isoWeekday(d: LocalDate): number {
  const w = new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Whether a date is worked: 调休 days are, holidays are not, else the weekday decides. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  if (cal.extraWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return cal.workingDays.includes(isoWeekday({ y, m, d }));
}

/** The working windows [open, close) from the day containing `from`, in order. */
function* windows(clock: Clock, from: number): Generator<[number, number]> {
  const { calendar: cal, timeZone } = clock;
  const start = partsIn(timeZone, from);
  let date: LocalDate = { y: start.y, m: start.m, d: start.d };
  for (let i = 0; i < MAX_DAYS; i++) {
    if (isWorkingDay(cal, iso(date))) {
      const open = instantOf(timeZone, date, cal.workStart);
      const close = instantOf(timeZone, date, cal.workEnd);
      if (close > open && close > from) yield [Math.max(open, from), close];
    }
    date = nextDate(date);
  }
}

/** The instant `minutes` SLA minutes after `start`. */
export function addSlaMinutes(clock: Clock, start: Date, minutes: number): Date {
  const from = start.getTime();
  if (clock.roundTheClock || minutes <= 0) return new Date(from + minutes * MINUTE);
  let left = minutes * MINUTE;
  for (const [open, close] of windows(clock, from)) {
    if (close - open >= left) return new Date(open + left);
    left -= close - open;
  }
  return new Date(from + minutes * MINUTE);
}

/** SLA minutes between two instants (0 when `to` is not after `from`), rounded down. */
export function slaMinutesBetween(clock: Clock, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (clock.roundTheClock) return Math.floor((b - a) / MINUTE);
  let total = 0;
  for (const [open, close] of windows(clock, a)) {
    if (open >= b) break;
    total += Math.min(close, b) - open;
  }
  return Math.floor(total / MINUTE);
}

/** The instant a calendar day (`YYYY-MM-DD`) begins in a zone, plus `days` days. */
export function startOfLocalDay(timeZone: string, date: string, days = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY);
  const local = { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  return new Date(instantOf(timeZone, local, '00:00'));
}
