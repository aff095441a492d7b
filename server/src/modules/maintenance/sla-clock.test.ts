import { describe, expect, it } from 'vitest';
import { addSlaMinutes, isWorkingDay, slaMinutesBetween, type Clock } from './sla-clock.ts';

// Beijing: 08:00–17:30 Mon–Fri; National Day 2026-10-01…07 off, with the
// Sunday 2026-09-27 and Saturday 2026-10-10 worked in exchange (调休).
const calendar = {
  workingDays: [1, 2, 3, 4, 5],
  workStart: '08:00',
  workEnd: '17:30',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  extraWorkdays: ['2026-09-27', '2026-10-10'],
};
const clock: Clock = { calendar, timeZone: 'Asia/Shanghai', roundTheClock: false };
const bj = (local: string) => new Date(`${local}+08:00`);
const add = (start: string, minutes: number) =>
  addSlaMinutes(clock, bj(start), minutes).toISOString();

describe('working calendar', () => {
  it('knows weekends, holidays and 调休 days', () => {
    expect(isWorkingDay(calendar, '2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay(calendar, '2026-11-22')).toBe(false); // Sunday
    expect(isWorkingDay(calendar, '2026-10-01')).toBe(false); // holiday on a Thursday
    expect(isWorkingDay(calendar, '2026-09-27')).toBe(true); // Sunday worked
  });

  it('adds minutes within a working day', () => {
    expect(add('2026-11-24T09:00:00', 120)).toBe(bj('2026-11-24T11:00:00').toISOString());
  });

  it('starts the clock at opening time for a request made before it', () => {
    expect(add('2026-11-24T06:30:00', 30)).toBe(bj('2026-11-24T08:30:00').toISOString());
  });

  it('carries past closing time into the next working day', () => {
    // 17:00 + 60 min: 30 min today, 30 min from 08:00 tomorrow.
    expect(add('2026-11-24T17:00:00', 60)).toBe(bj('2026-11-25T08:30:00').toISOString());
  });

  it('skips the weekend', () => {
    // Friday 17:00 + 60 min → Monday 08:30.
    expect(add('2026-11-27T17:00:00', 60)).toBe(bj('2026-11-30T08:30:00').toISOString());
    // Saturday → Monday opening.
    expect(add('2026-11-28T10:00:00', 10)).toBe(bj('2026-11-30T08:10:00').toISOString());
  });

  it('skips holidays and works the exchanged weekend day', () => {
    // Wednesday 30 Sep 17:00 + 60: 1–2 Oct holiday, 3–4 weekend, 5–7 holiday → Thu 8 Oct 08:30.
    expect(add('2026-09-30T17:00:00', 60)).toBe(bj('2026-10-08T08:30:00').toISOString());
    // Saturday 26 Sep → Sunday 27 Sep is worked.
    expect(add('2026-09-26T12:00:00', 15)).toBe(bj('2026-09-27T08:15:00').toISOString());
  });

  it('spans several days: 3 working days of 570 minutes', () => {
    expect(add('2026-11-24T08:00:00', 3 * 570)).toBe(bj('2026-11-26T17:30:00').toISOString());
  });

  it('counts working minutes between two instants', () => {
    const between = (a: string, b: string) => slaMinutesBetween(clock, bj(a), bj(b));
    expect(between('2026-11-24T09:00:00', '2026-11-24T09:45:00')).toBe(45);
    expect(between('2026-11-27T17:00:00', '2026-11-30T08:30:00')).toBe(60); // over a weekend
    expect(between('2026-09-30T17:00:00', '2026-10-08T08:30:00')).toBe(60); // over National Day
    expect(between('2026-11-24T20:00:00', '2026-11-25T07:00:00')).toBe(0); // overnight
    expect(between('2026-11-25T10:00:00', '2026-11-24T10:00:00')).toBe(0); // reversed
  });

  it('is the inverse of adding', () => {
    for (const [start, minutes] of [
      ['2026-11-24T16:59:00', 1],
      ['2026-11-27T12:00:00', 1000],
      ['2026-09-29T15:00:00', 2000],
    ] as const) {
      const due = addSlaMinutes(clock, bj(start), minutes);
      expect(slaMinutesBetween(clock, bj(start), due)).toBe(minutes);
    }
  });

  it('runs round the clock for priorities that say so', () => {
    const urgent: Clock = { ...clock, roundTheClock: true };
    expect(addSlaMinutes(urgent, bj('2026-11-28T23:50:00'), 30).toISOString()).toBe(
      bj('2026-11-29T00:20:00').toISOString(),
    );
    expect(slaMinutesBetween(urgent, bj('2026-11-28T23:50:00'), bj('2026-11-29T00:20:00'))).toBe(
      30,
    );
  });

  it('handles a zone with daylight saving time', () => {
    const ny: Clock = {
      calendar: {
        ...calendar,
        holidays: [],
        extraWorkdays: [],
        workStart: '09:00',
        workEnd: '17:00',
      },
      timeZone: 'America/New_York',
      roundTheClock: false,
    };
    // Friday 31 Oct 2025 16:00 EDT + 120 min → Monday 3 Nov 10:00 EST (clocks went back on Sunday).
    expect(addSlaMinutes(ny, new Date('2025-10-31T16:00:00-04:00'), 120).toISOString()).toBe(
      new Date('2025-11-03T10:00:00-05:00').toISOString(),
    );
  });

  it('falls back to the clock when the calendar has no working day', () => {
    const never: Clock = {
      ...clock,
      calendar: { ...calendar, workingDays: [], extraWorkdays: [] },
    };
    expect(addSlaMinutes(never, bj('2026-11-24T09:00:00'), 60).toISOString()).toBe(
      bj('2026-11-24T10:00:00').toISOString(),
    );
  });
});
