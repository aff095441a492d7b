import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../platform/context.ts';
import { writeJson } from '../../../platform/db/dialect.ts';
import { newId } from '../../../platform/ids.ts';
import {
  buildDepartment,
  buildSite,
  buildUser,
  type DepartmentDto,
  type Site,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addDays, createOperation, localToday, orgTimeZone } from '../operations/index.ts';
import type { Category } from './schema.ts';
import { buildAsset, buildCategory, setApprovalKinds, sheetRows } from './test-kit.ts';

/*
 * 资产台账汇总 on a past date: each card is counted under the department it
 * was with at the end of that day (the organisation's day), from its
 * timeline, so later transfers and releases leave past figures as they were.
 * Moves "today" go through the HTTP API; moves on a past day go through the
 * operations' own service with that day as `now` (their routes always use
 * the clock).
 */

type Sum = { count: number; quantity: number; originalValueFen: number; netValueFen: number };
type Report = {
  asOf: string;
  rows: ({ department: { id: string; code: string; name: string } | null } & Sum)[];
  totals: Sum;
};

let t: TestApp;
let category: Category;
let deptA: DepartmentDto;
let deptB: DepartmentDto;
let timeZone: string;

beforeAll(async () => {
  t = await createTestApp();
  // Every operation takes effect without an approver; approval is not what is tested here.
  await setApprovalKinds(t, []);
  category = await buildCategory(t.admin, { lifeMonths: 60 });
  deptA = await buildDepartment(t.admin, { code: 'RA01', name: '内科' });
  deptB = await buildDepartment(t.admin, { code: 'RB01', name: '外科' });
  timeZone = await orgTimeZone(t.db, t.orgId);
});
afterAll(() => t.close());

const FIELDS = ['count', 'quantity', 'originalValueFen', 'netValueFen'] as const;

/**
 * The report of one site (or of every site the user reads) on a date; every
 * answer's totals are the sums of its rows.
 */
async function report(site: Site | null, asOf: string, agent = t.admin): Promise<Report> {
  const res = await agent.get(
    `/api/assets/reports/register?${site ? `siteId=${site.id}&` : ''}asOf=${asOf}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const r = res.json<Report>();
  expect(r.asOf).toBe(asOf);
  for (const f of FIELDS)
    expect(r.totals[f], `${asOf} ${f}`).toBe(r.rows.reduce((s, row) => s + row[f], 0));
  return r;
}

/** Department id (null: the idle pool) → card count, for compact comparisons. */
const counts = (r: Report) =>
  Object.fromEntries(r.rows.map((row) => [row.department?.id ?? 'pool', row.count]));

/** The local day (organisation's time zone) on which the card's last event of `action` happened. */
async function dayOf(assetId: string, action: string): Promise<string> {
  const e = await t.db
    .selectFrom('ast_events')
    .select('at')
    .where('org_id', '=', t.orgId)
    .where('asset_id', '=', assetId)
    .where('action', '=', action)
    .orderBy('at', 'desc')
    .executeTakeFirstOrThrow();
  return localToday(timeZone, new Date(e.at));
}

async function transferToday(assetId: string, toDepartmentId: string, toSiteId?: string) {
  const res = await t.admin.post('/api/assets/operations', {
    kind: 'transfer',
    assetIds: [assetId],
    toDepartmentId,
    ...(toSiteId ? { toSiteId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  const op = res.json<{ id: string; status: string }>();
  expect(op.status).toBe('pending_receipt');
  // The register changes on receipt: a manager confirms for the department's paper signature.
  const done = await t.admin.post(`/api/assets/operations/${op.id}/confirm`, {
    note: '纸质调拨单已签收',
  });
  expect(done.statusCode, done.body).toBe(200);
}

/** An operation that takes effect at once (release, dispose), on a past instant. */
async function operateAt(kind: 'release' | 'dispose', assetId: string, at: string) {
  await createOperation(
    { db: t.db, config: t.config },
    systemActor(t.orgId),
    { kind, assetIds: [assetId], reason: '测试' },
    new Date(at),
  );
  const row = await t.db
    .selectFrom('ast_assets')
    .select(['status', 'department_id'])
    .where('id', '=', assetId)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe(kind === 'release' ? 'idle' : 'disposed');
}

describe('the register by department on a date', () => {
  it('counts a card transferred from A to B on day D under A for D-1 and under B from D', async () => {
    const site = await buildSite(t.admin);
    const moved = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: category.id,
      unitPriceFen: 600_000,
      inServiceDate: '2025-01-15',
      departmentId: deptA.id,
    });
    // Two identical cards that stay in B: one group of the report's query, counted twice.
    for (let i = 0; i < 2; i++)
      await buildAsset(t.admin, {
        siteId: site.id,
        categoryId: category.id,
        unitPriceFen: 120_000,
        inServiceDate: '2025-01-20',
        departmentId: deptB.id,
      });
    expect(moved.status).toBe('in_use');
    const yearEndBefore = await report(site, '2025-12-31');

    await transferToday(moved.id, deptB.id);
    const d = await dayOf(moved.id, 'transfer');

    const before = await report(site, addDays(d, -1));
    expect(counts(before)).toEqual({ [deptA.id]: 1, [deptB.id]: 2 });
    const rowA = before.rows.find((r) => r.department?.id === deptA.id)!;
    expect(rowA.department).toEqual({ id: deptA.id, code: 'RA01', name: '内科' });
    expect(rowA.originalValueFen).toBe(600_000);

    const on = await report(site, d);
    expect(counts(on)).toEqual({ [deptB.id]: 3 });
    expect(on.totals.originalValueFen).toBe(840_000);

    // The year end before the move reads as it did before it.
    expect(await report(site, '2025-12-31')).toEqual(yearEndBefore);
    expect(counts(yearEndBefore)).toEqual({ [deptA.id]: 1, [deptB.id]: 2 });
    // 5 years from February 2025 (当月增加当月不提): 11 months booked by the year end,
    // 10,000 a month for the moved card and 2,000 for each of the others.
    const yearEndNet = (id: string) =>
      yearEndBefore.rows.find((r) => r.department?.id === id)!.netValueFen;
    expect(yearEndNet(deptA.id)).toBe(600_000 - 11 * 10_000);
    expect(yearEndNet(deptB.id)).toBe(2 * (120_000 - 11 * 2_000));

    // The Excel copy is the same report.
    const xlsx = await t.admin.get(
      `/api/assets/reports/register.xlsx?siteId=${site.id}&asOf=${addDays(d, -1)}`,
    );
    expect(xlsx.statusCode).toBe(200);
    const sheet = await sheetRows(xlsx.rawPayload);
    expect(sheet.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['内科', '1'],
      ['外科', '2'],
      ['合计', '3'],
    ]);
  });

  it('follows a card through a release on a past day (by the organisation’s calendar) and a later transfer', async () => {
    const site = await buildSite(t.admin);
    const card = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: category.id,
      unitPriceFen: 300_000,
      inServiceDate: '2025-03-01',
      departmentId: deptA.id,
    });
    // 2026-03-31 17:30 UTC is already 1 April in the organisation's time zone (UTC+8).
    expect(timeZone).toBe('Asia/Shanghai');
    await operateAt('release', card.id, '2026-03-31T17:30:00.000Z');
    await transferToday(card.id, deptB.id);
    const d = await dayOf(card.id, 'transfer');
    expect(d > '2026-04-02').toBe(true);

    expect(counts(await report(site, '2025-12-31'))).toEqual({ [deptA.id]: 1 });
    expect(counts(await report(site, '2026-03-31'))).toEqual({ [deptA.id]: 1 });
    const released = await report(site, '2026-04-01');
    expect(counts(released)).toEqual({ pool: 1 });
    expect(released.rows[0]!.department).toBeNull();
    expect(counts(await report(site, addDays(d, -1)))).toEqual({ pool: 1 });
    expect(counts(await report(site, d))).toEqual({ [deptB.id]: 1 });
  });

  it('leaves out a card registered after the date and one disposed on or before it', async () => {
    const site = await buildSite(t.admin);
    // No dates at all: on the books from its registration (today).
    const fresh = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: category.id,
      unitPriceFen: 50_000,
      departmentId: deptA.id,
    });
    const registered = await dayOf(fresh.id, 'register');
    // Put in service after the date asked about.
    await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: category.id,
      unitPriceFen: 70_000,
      inServiceDate: '2026-02-01',
      departmentId: deptA.id,
    });
    const scrapped = await buildAsset(t.admin, {
      siteId: site.id,
      categoryId: category.id,
      unitPriceFen: 90_000,
      inServiceDate: '2025-06-01',
      departmentId: deptB.id,
    });
    // Disposed at 00:30 on 1 March, local time (still 28 February in UTC).
    await operateAt('dispose', scrapped.id, '2026-02-28T16:30:00.000Z');

    const jan = await report(site, '2026-01-31');
    expect(counts(jan)).toEqual({ [deptB.id]: 1 });
    expect(jan.totals.originalValueFen).toBe(90_000);
    const feb = await report(site, '2026-02-28');
    expect(counts(feb)).toEqual({ [deptA.id]: 1, [deptB.id]: 1 });
    // In service 2026-02-01: nothing booked yet; from June 2025: July–February, 1,500 a month.
    expect(feb.totals.netValueFen).toBe(70_000 + 90_000 - 8 * 1_500);
    const march = await report(site, '2026-03-01');
    expect(counts(march)).toEqual({ [deptA.id]: 1 });
    expect(march.totals.originalValueFen).toBe(70_000);

    expect(counts(await report(site, addDays(registered, -1)))).toEqual({ [deptA.id]: 1 });
    const now = await report(site, registered);
    expect(counts(now)).toEqual({ [deptA.id]: 2 });
    expect(now.totals.originalValueFen).toBe(120_000);
  });

  it('counts a card whose timeline does not reach back under its current department', async () => {
    const site = await buildSite(t.admin);
    // A card written before timelines were kept: no registration, no events.
    const at = new Date().toISOString();
    await t.db
      .insertInto('ast_assets')
      .values({
        id: newId(),
        org_id: t.orgId,
        site_id: site.id,
        code: `OLD-${site.id.slice(-8)}`,
        tag_no: `OLD-${site.id.slice(-8)}`,
        qr_token: newId(),
        name: '旧系统病床',
        category_id: category.id,
        model: null,
        unit: '张',
        quantity: 2,
        unit_price_fen: 40_000,
        original_value_fen: 80_000,
        purchase_date: '2020-05-01',
        in_service_date: null,
        source: 'purchase',
        supplier: null,
        invoice_no: null,
        warranty_end: null,
        location_id: null,
        department_id: deptB.id,
        custodian_person_id: null,
        status: 'in_use',
        condition: 'good',
        depreciation_method: 'none',
        life_months: null,
        residual_bp: 0,
        custom: writeJson({}),
        notes: null,
        open_operation_id: null,
        disposed_at: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const r = await report(site, '2024-12-31');
    expect(counts(r)).toEqual({ [deptB.id]: 1 });
    expect(r.totals).toEqual({
      count: 1,
      quantity: 2,
      originalValueFen: 80_000,
      netValueFen: 80_000,
    });
    expect(counts(await report(site, '2020-04-30'))).toEqual({});
  });

  it('counts a card moved to another campus at the campus it was at on the date', async () => {
    const east = await buildSite(t.admin);
    const west = await buildSite(t.admin);
    const bed = await buildAsset(t.admin, {
      siteId: east.id,
      categoryId: category.id,
      unitPriceFen: 200_000,
      inServiceDate: '2025-02-01',
      departmentId: deptA.id,
    });
    await buildAsset(t.admin, {
      siteId: west.id,
      categoryId: category.id,
      unitPriceFen: 100_000,
      inServiceDate: '2025-02-01',
      departmentId: deptB.id,
    });
    await transferToday(bed.id, deptB.id, west.id);
    const d = await dayOf(bed.id, 'transfer');
    const before = addDays(d, -1);

    expect(counts(await report(east, before))).toEqual({ [deptA.id]: 1 });
    expect(counts(await report(west, before))).toEqual({ [deptB.id]: 1 });
    expect(counts(await report(east, d))).toEqual({});
    const westNow = await report(west, d);
    expect(counts(westNow)).toEqual({ [deptB.id]: 2 });
    expect(westNow.totals.originalValueFen).toBe(300_000);

    // The east campus's manager reads the east campus's past as it stood, and
    // not the west campus's, nor the bed once it has left.
    const eastManager = await buildUser(t, { roleKey: 'manager', siteId: east.id });
    const mine = await report(null, before, eastManager);
    expect(counts(mine)).toEqual({ [deptA.id]: 1 });
    expect(mine.totals.originalValueFen).toBe(200_000);
    expect(counts(await report(null, d, eastManager))).toEqual({});
    expect(counts(await report(west, before, eastManager))).toEqual({});
  });
});
