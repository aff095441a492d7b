import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemsOf } from '../../platform/http/zod-messages.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { DocTypeSchema, NumberingFormatSchema, WorkingCalendarSchema } from './settings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('organisation settings messages', () => {
  it('words every rule of the settings form for people, in both languages', () => {
    expect(problemsOf(NumberingFormatSchema.shape.prefix, 'wo', 'zh')[0]?.message).toBe(
      '前缀为 1–8 位大写字母或数字',
    );
    expect(problemsOf(NumberingFormatSchema.shape.digits, 2, 'en')[0]?.message).toBe(
      'The sequence has 3–10 digits',
    );
    expect(problemsOf(DocTypeSchema, 'WorkOrder', 'zh')[0]?.message).toMatch(/^单据类型为/);
    expect(problemsOf(WorkingCalendarSchema.shape.workStart, '8:00', 'zh')[0]?.message).toBe(
      '时间格式应为 HH:MM，例如 08:00',
    );
    expect(problemsOf(WorkingCalendarSchema.shape.holidays, ['2026-13-01'], 'en')[0]).toEqual({
      path: '0',
      message: 'Dates are YYYY-MM-DD',
    });
  });

  it('answers a bad numbering format with the same words, and keeps a good one', async () => {
    const bad = await t.admin.patch('/api/organization', {
      settings: { numbering: { work_order: { prefix: 'wo', digits: 6 } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({
      path: 'settings.numbering.work_order.prefix',
      message: '前缀为 1–8 位大写字母或数字',
    });
    const good = await t.admin.patch('/api/organization', {
      settings: { fiscalYearStartMonth: 7, numbering: { work_order: { prefix: 'WO', digits: 6 } } },
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().settings.numbering).toEqual({ work_order: { prefix: 'WO', digits: 6 } });
    expect(good.json().settings.fiscalYearStartMonth).toBe(7);
    expect(good.json().settings.calendar.workStart).toBe('08:00'); // untouched parts stay
  });
});
