import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocation, buildSite, buildUser } from '../../test/factories.ts';
import { createTestApp, type Agent, type TestApp } from '../../test/test-app.ts';
import { comparedWith, yearBefore } from './stats-export.ts';

// A range around now wide enough for any time zone's "today".
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const FROM = day(-30);
const TO = day(2);

let t: TestApp;
let siteId: string;
let westId: string;
let tech: Agent;

type Group = { key: string | null; name: string | null } & Record<string, number | null>;
type Stats = {
  totals: Record<string, number | null>;
  byGroup: Group[];
  repeatFaults: { name: string; count: number }[];
};

beforeAll(async () => {
  t = await createTestApp();
  siteId = (await buildSite(t.admin)).id;
  westId = (await buildSite(t.admin)).id;
  const room = await buildLocation(t.admin, { siteId, type: 'building' });
  const westRoom = await buildLocation(t.admin, { siteId: westId, type: 'building' });
  const cats = Object.fromEntries(
    (await t.admin.get('/api/maintenance/categories'))
      .json<{ id: string; code: string }[]>()
      .map((c) => [c.code, c.id]),
  );
  tech = await buildUser(t, { roleKey: 'technician' });
  const order = async (categoryId: string, locationId = room.id) => {
    const res = await t.admin.post('/api/maintenance/work-orders', {
      locationId,
      categoryId,
      description: '统计导出测试',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const lamps = [
    await order(cats.lighting!),
    await order(cats.lighting!),
    await order(cats.lighting!),
  ];
  await order(cats.lock!);
  await order(cats.water!, westRoom.id);
  // Two finished and rated, so the minutes and shares are not all empty.
  for (const [id, rating] of [
    [lamps[0]!, 5],
    [lamps[1]!, 3],
  ] as const) {
    const act = (agent: Agent, action: string, body: unknown = {}) =>
      agent.post(`/api/maintenance/work-orders/${id}/${action}`, body);
    expect((await act(t.admin, 'assign', { assigneeUserId: tech.userId })).statusCode).toBe(200);
    await act(tech, 'accept');
    await act(tech, 'start');
    expect((await act(tech, 'complete', { actionTaken: '修好' })).statusCode).toBe(200);
    expect((await act(t.admin, 'rate', { rating })).statusCode).toBe(200);
  }
});
afterAll(() => t.close());

/** Every sheet as rows of raw cell values (numbers stay numbers), with each cell's format. */
async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheets = new Map<string, { values: unknown[][]; formats: (string | undefined)[][] }>();
  for (const ws of workbook.worksheets) {
    const values: unknown[][] = [];
    const formats: (string | undefined)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const v: unknown[] = [];
      const f: (string | undefined)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        v.push(cell.value ?? null);
        f.push(cell.numFmt);
      }
      values.push(v);
      formats.push(f);
    });
    sheets.set(ws.name, { values, formats });
  }
  return sheets;
}

const FIGURES = [
  'count',
  'completed',
  'cancelled',
  'open',
  'responseMeanMinutes',
  'responseP90Minutes',
  'completionMeanMinutes',
  'completionP90Minutes',
  'slaCompliance',
  'ratingMean',
  'ratingCount',
  'satisfiedShare',
] as const;

describe('statistics export', () => {
  it('holds exactly the figures of the stats API, sheet by sheet', async () => {
    const res = await t.admin.get(`/api/maintenance/stats/export.xlsx?from=${FROM}&to=${TO}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /filename="maintenance-stats-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = await workbookOf(res.rawPayload);
    expect([...book.keys()]).toEqual([
      '总览',
      '按类别',
      '按月份',
      '按院区',
      '按科室',
      '按维修人员',
      '重复故障',
    ]);

    const sheets = [
      ['按类别', 'category', '类别'],
      ['按月份', 'month', '月份'],
      ['按院区', 'site', '院区'],
      ['按科室', 'department', '科室'],
      ['按维修人员', 'technician', '维修人员'],
    ] as const;
    let totals: Stats['totals'] | undefined;
    for (const [name, groupBy, header] of sheets) {
      const api = (
        await t.admin.get(`/api/maintenance/stats?from=${FROM}&to=${TO}&groupBy=${groupBy}`)
      ).json<Stats>();
      totals = api.totals;
      const { values } = book.get(name)!;
      expect(values[0]!.slice(0, 3)).toEqual([header, '工单数', '已完成']);
      expect(values.slice(1).map((r) => r.slice(1))).toEqual(
        api.byGroup.map((g) => FIGURES.map((f) => g[f])),
      );
      if (groupBy === 'category')
        expect(values.slice(1).map((r) => r[0])).toEqual(api.byGroup.map((g) => g.name));
    }
    // Orders without a department (all of them here) are named, not blank.
    expect(book.get('按科室')!.values[1]![0]).toBe('（未填写）');
    expect(book.get('按维修人员')!.values.map((r) => r[0])).toContain('（未派工）');

    const overview = book.get('总览')!;
    expect(overview.values[0]).toEqual(['指标', '本期', '上年同期', '同比']);
    expect(overview.values[1]![1]).toBe(`${FROM} 至 ${TO}`);
    // TO is after today: last year's days end at today's date.
    expect(String(overview.values[1]![2])).toMatch(
      new RegExp(`^${yearBefore(FROM)} 至 \\d{4}-\\d{2}-\\d{2}$`),
    );
    expect(String(overview.values[1]![2]) < `${yearBefore(FROM)} 至 ${yearBefore(TO)}`).toBe(true);
    expect(overview.values[2]!.slice(0, 2)).toEqual(['院区', '全部院区']);
    expect(overview.values.slice(3).map((r) => r[1])).toEqual(FIGURES.map((f) => totals![f]));
    // Nothing a year ago: the column is zeros and empties, and there is no change to give.
    expect(overview.values[3]!.slice(2)).toEqual([0, null]);
    // Minutes and shares keep their units in Excel.
    const sla = overview.values.findIndex((r) => r[0] === '时限达标率');
    expect(overview.formats[sla]![1]).toBe('0.0%');
    expect(book.get('按类别')!.formats[1]![5]).toBe('#,##0.0');

    const api = (await t.admin.get(`/api/maintenance/stats?from=${FROM}&to=${TO}`)).json<Stats>();
    const repeat = book.get('重复故障')!.values;
    expect(api.repeatFaults).toHaveLength(1);
    expect(repeat.slice(1).map((r) => r.slice(0, 2))).toEqual(
      api.repeatFaults.map((r) => [r.name, r.count]),
    );
  });

  it('scopes to the site asked for, as the stats API does', async () => {
    const res = await t.admin.get(
      `/api/maintenance/stats/export.xlsx?from=${FROM}&to=${TO}&siteId=${westId}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const api = (
      await t.admin.get(`/api/maintenance/stats?from=${FROM}&to=${TO}&siteId=${westId}`)
    ).json<Stats>();
    const overview = (await workbookOf(res.rawPayload)).get('总览')!.values;
    expect(overview[3]![1]).toBe(api.totals.count);
    expect(api.totals.count).toBe(1);
  });

  it('refuses callers without maintenance:export, and bad ranges', async () => {
    const auditor = await buildUser(t, { roleKey: 'auditor' }); // reads everything, exports nothing
    const url = `/api/maintenance/stats/export.xlsx?from=${FROM}&to=${TO}`;
    expect((await auditor.get(`/api/maintenance/stats?from=${FROM}&to=${TO}`)).statusCode).toBe(
      200,
    );
    expect((await auditor.get(url)).statusCode).toBe(403);
    expect((await tech.get(url)).statusCode).toBe(403);
    // A manager of one site exports that site, not the whole organisation.
    const westManager = await buildUser(t, { roleKey: 'manager', siteId: westId });
    expect((await westManager.get(`${url}&siteId=${westId}`)).statusCode).toBe(200);
    expect((await westManager.get(`${url}&siteId=${siteId}`)).statusCode).toBe(403);
    expect(
      (await t.admin.get('/api/maintenance/stats/export.xlsx?from=2026-02-01&to=2026-01-01'))
        .statusCode,
    ).toBe(400);
    expect((await t.admin.get(`${url}&groupBy=site`)).statusCode).toBe(400);
  });

  it('compares with the same days a year earlier, up to today', () => {
    expect(yearBefore('2026-03-31')).toBe('2025-03-31');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    const year = { from: '2026-01-01', to: '2026-12-31' };
    expect(comparedWith(year, '2026-11-24')).toMatchObject({
      from: '2025-01-01',
      to: '2025-11-24',
    });
    expect(comparedWith(year, '2027-03-01')).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    // A range wholly in the future is compared as asked.
    expect(comparedWith(year, '2025-06-01')).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });
});
