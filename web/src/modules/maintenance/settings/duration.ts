/**
 * SLA targets are stored in minutes, which nobody thinks in ("570 分钟"):
 * the forms take a number and a unit (分钟 / 小时 / 天) and the tables show
 * "9 小时 30 分钟". A day is 24 hours here; on the working calendar the
 * minutes count working time only (the hint under the fields says so).
 */

export type DurationUnit = 'minute' | 'hour' | 'day';

export const UNIT_MINUTES: Record<DurationUnit, number> = { minute: 1, hour: 60, day: 1440 };

/** The largest unit that shows the minutes as a whole or half number: 90 → 1.5 hours, 45 → 45 minutes. */
export function splitMinutes(minutes: number): { amount: number; unit: DurationUnit } {
  for (const unit of ['day', 'hour'] as const) {
    const amount = minutes / UNIT_MINUTES[unit];
    if (amount >= 1 && Number.isInteger(amount * 2)) return { amount, unit };
  }
  return { amount: minutes, unit: 'minute' };
}

export function toMinutes(amount: number, unit: DurationUnit): number {
  return Math.round(amount * UNIT_MINUTES[unit]);
}

export type UnitWords = { day: string; hour: string; minute: string };

/**
 * "1 天 2 小时 30 分钟" / "1 d 2 h 30 min": every non-zero part, largest first.
 * Working-time targets are shown without days ("47 小时 30 分钟"): 1440
 * working minutes are not one day but nearly three working days.
 */
export function formatMinutes(minutes: number, words: UnitWords, withDays = true): string {
  const sep = ' ';
  if (minutes <= 0) return `0${sep}${words.minute}`;
  const parts: string[] = [];
  const days = withDays ? Math.floor(minutes / 1440) : 0;
  const hours = Math.floor((minutes - days * 1440) / 60);
  const mins = minutes % 60;
  if (days) parts.push(`${days}${sep}${words.day}`);
  if (hours) parts.push(`${hours}${sep}${words.hour}`);
  if (mins) parts.push(`${mins}${sep}${words.minute}`);
  return parts.join(' ');
}
