import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetNetValue, compensationAmount } from '../modules/assets/operations/index.ts';
import { createTestApp, loginAgent, type Agent, type TestApp } from '../test/test-app.ts';
import { seedDemoAssets } from './demo-assets.ts';
import { planStoresYear } from './demo-assets-stores.ts';
import { DEMO_PASSWORD, seedDemoHospital } from './demo-hospital.ts';

let t: TestApp;
let admin: Agent;
let orgId: string;
/** Taken when the seed has returned: nothing it wrote may be dated later. */
let seededBy: Date;

beforeAll(async () => {
  t = await createTestApp({ setup: false });
  ({ organizationId: orgId } = await seedDemoHospital(t.db));
  seededBy = new Date();
  admin = await loginAgent(t.app, 'admin', DEMO_PASSWORD);
}, 90_000);
afterAll(() => t.close());

const operations = (kind: string) =>
  t.db
    .selectFrom('ast_operations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .orderBy('number')
    .execute();

describe('demo assets and stores', () => {
  it('registers about 1,500 cards across the departments, with an idle pool', async () => {
    const res = await admin.get('/api/assets?pageSize=5');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ total: number }>();
    expect(page.total).toBeGreaterThan(1400);
    expect(page.total).toBeLessThan(1800);
    const rows = await t.db
      .selectFrom('ast_assets')
      .select(['status', 'department_id', 'custodian_person_id', 'purchase_date', 'tag_no'])
      .where('org_id', '=', orgId)
      .execute();
    const idle = rows.filter((r) => r.status === 'idle');
    expect(idle.length).toBeGreaterThan(30);
    expect(new Set(rows.map((r) => r.department_id)).size).toBeGreaterThan(12);
    // Custody to a person (责任到人) for everything a department uses.
    expect(rows.filter((r) => r.department_id && !r.custodian_person_id).length).toBeLessThan(10);
    const years = new Set(rows.map((r) => r.purchase_date!.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(8);
    // Tags in consecutive batches per kind: BC-0001 … BC-0NNN without a gap.
    const beds = rows
      .filter((r) => r.tag_no.startsWith('BC-'))
      .map((r) => Number(r.tag_no.slice(3)))
      .sort((a, b) => a - b);
    expect(beds.at(-1)).toBe(beds.length);
    const reusable = await admin.get(
      `/api/assets/idle/reusable?categoryId=${await categoryId('ZY-YL-BC')}&quantity=10`,
    );
    expect(reusable.statusCode, reusable.body).toBe(200);
    expect(reusable.json<{ enough: boolean }>().enough).toBe(true);
  });

  it('runs the operations through the service: receipts, transfer, loans, repair, loss, disposal', async () => {
    const assign = await operations('assign');
    expect(assign.filter((o) => o.status === 'done' && o.received_at).length).toBe(2);
    expect(assign.filter((o) => o.status === 'pending_receipt').length).toBe(2);
    const [transfer] = (await operations('transfer')).filter((o) => !o.requesting_department_id);
    expect(transfer).toMatchObject({ status: 'done' });
    expect(transfer!.approved_by).not.toBeNull();
    const lend = await operations('lend');
    expect(lend).toHaveLength(3);
    const today = new Date().toISOString().slice(0, 10);
    expect(lend.filter((o) => o.status === 'open' && o.due_date! < today)).toHaveLength(1);
    expect(lend.filter((o) => o.status === 'done')).toHaveLength(1);
    const [repair] = await operations('repair');
    const order = await t.db
      .selectFrom('mnt_work_orders')
      .select(['asset_ref', 'status'])
      .where('id', '=', repair!.work_order_id!)
      .executeTakeFirstOrThrow();
    expect(order.asset_ref).toMatch(/^BC-/);
    expect((await operations('loss')).map((o) => o.status)).toEqual(['pending_approval']);
    const [dispose] = await operations('dispose');
    expect(dispose).toMatchObject({ status: 'done' });
    const disposed = await t.db
      .selectFrom('ast_assets')
      .select('id')
      .where('org_id', '=', orgId)
      .where('status', '=', 'disposed')
      .execute();
    expect(disposed).toHaveLength(5);
  });

  it('charges the custodian 50% of the net value of a damaged computer, paid in full', async () => {
    const [damage] = await operations('damage');
    const comp = await t.db
      .selectFrom('ast_compensations')
      .selectAll()
      .where('operation_id', '=', damage!.id)
      .executeTakeFirstOrThrow();
    const asset = await t.db
      .selectFrom('ast_assets')
      .selectAll()
      .where('id', '=', comp.asset_id)
      .executeTakeFirstOrThrow();
    const requested = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(damage!.requested_at),
    );
    expect(comp.net_value_fen).toBe(assetNetValue(asset, requested));
    expect(comp.net_value_fen).toBeGreaterThan(0);
    expect(comp.net_value_fen).toBeLessThan(asset.original_value_fen);
    expect(comp.share_bp).toBe(5000);
    expect(comp.amount_fen).toBe(compensationAmount(comp.net_value_fen, 5000));
    expect(comp.amount_fen).toBe(Math.round(comp.net_value_fen / 2));
    expect(comp.person_id).toBe(asset.custodian_person_id);
    expect(comp).toMatchObject({ status: 'settled', paid_fen: comp.amount_fen });
    const report = await admin.get(`/api/assets/compensations?pageSize=10`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json<{ total: number }>().total).toBe(2);
    // The asset's timeline: registered years ago, then reported damaged.
    const events = await t.db
      .selectFrom('ast_events')
      .select(['action', 'at'])
      .where('asset_id', '=', asset.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['register', 'damage']);
    expect(events[0]!.at.slice(0, 4) < events[1]!.at.slice(0, 4)).toBe(true);
  });

  it('reports the beds a department took from the idle pool as money saved', async () => {
    const [reuse] = (await operations('transfer')).filter((o) => o.requesting_department_id);
    expect(reuse).toMatchObject({ status: 'done' });
    const year = reuse!.received_at!.slice(0, 4);
    const res = await admin.get(`/api/assets/reports/reuse?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ requests: 1, assets: 4, savedFen: 4 * 480_000 });
  });

  it('leaves a stock-take under way in the ward building, partly counted', async () => {
    const st = await t.db
      .selectFrom('ast_stocktakes')
      .selectAll()
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(st.status).toBe('counting');
    const lines = await t.db
      .selectFrom('ast_stocktake_lines')
      .select('result')
      .where('stocktake_id', '=', st.id)
      .execute();
    const by = (r: string) => lines.filter((l) => l.result === r).length;
    expect(by('found')).toBeGreaterThan(100);
    expect(by('wrong_place')).toBe(2);
    expect(by('damaged')).toBe(1);
    expect(by('pending')).toBeGreaterThan(by('found'));
  });

  it('stocks two stores at moving-average cost, with one item under its minimum', async () => {
    const stock = await t.db
      .selectFrom('st_stock as s')
      .innerJoin('st_items as i', 'i.id', 's.item_id')
      .innerJoin('st_stores as st', 'st.id', 's.store_id')
      .select([
        'i.id as item_id',
        'i.code',
        'i.min_stock',
        's.quantity',
        's.value_fen',
        's.alerted_at',
        'st.code as store',
      ])
      .where('s.org_id', '=', orgId)
      .execute();
    const under = stock.filter((s) => s.quantity <= s.min_stock);
    expect(under.map((s) => `${s.store}:${s.code}`)).toEqual(['ZK-MAIN:KT-001']);
    expect(under[0]!.alerted_at).not.toBeNull();
    // LED tubes came at 16.50 and 18.50 元: the average lies between.
    const led = stock.find((s) => s.store === 'ZK-MAIN' && s.code === 'DJ-001')!;
    const average = led.value_fen / led.quantity;
    expect(average).toBeGreaterThan(1650);
    expect(average).toBeLessThan(1850);
    const docs = await t.db
      .selectFrom('st_documents')
      .select(['kind', 'status', 'work_order_id'])
      .where('org_id', '=', orgId)
      .execute();
    const count = (kind: string, status = 'done') =>
      docs.filter((d) => d.kind === kind && d.status === status).length;
    // The seeded plan: the same documents every time (draws follow the maintenance demo).
    expect(count('stock_in')).toBe(25);
    expect(count('requisition')).toBe(76);
    expect(count('requisition', 'pending_approval')).toBe(1);
    expect(count('work_order')).toBeGreaterThanOrEqual(10);
    // Each drawn order's material line names the stock item at the average of its draw.
    for (const drawn of docs.filter((d) => d.kind === 'work_order')) {
      const line = await t.db
        .selectFrom('mnt_materials')
        .select(['item_ref', 'unit_cost_fen'])
        .where('work_order_id', '=', drawn.work_order_id!)
        .where('item_ref', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(line.item_ref).toBe(led.item_id);
      expect(line.unit_cost_fen).toBeGreaterThanOrEqual(1650);
      expect(line.unit_cost_fen).toBeLessThanOrEqual(1850);
    }
  });

  it('spreads the stores history over the past year, in date order, none after the seeding', async () => {
    const moves = await t.db
      .selectFrom('st_movements')
      .select(['store_id', 'item_id', 'kind', 'quantity', 'balance_quantity', 'at'])
      .where('org_id', '=', orgId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(moves.length).toBeGreaterThan(200);
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    });
    const months = new Set(moves.map((m) => month.format(new Date(m.at))));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(moves.filter((m) => new Date(m.at) > seededBy)).toEqual([]);
    const first = new Date(moves[0]!.at).getTime();
    expect(seededBy.getTime() - first).toBeGreaterThan(350 * 86_400_000);
    // Written in date order: each balance is the previous one plus the movement.
    const balance = new Map<string, number>();
    for (const m of moves) {
      const key = `${m.store_id}:${m.item_id}`;
      const after = (balance.get(key) ?? 0) + m.quantity;
      expect(m.balance_quantity).toBe(after);
      balance.set(key, after);
    }
    // Deliveries, requisitions and work-order draws happen throughout the year, not on one day.
    const monthsOf = (kind: string) =>
      new Set(moves.filter((m) => m.kind === kind).map((m) => month.format(new Date(m.at)))).size;
    expect(monthsOf('stock_in')).toBeGreaterThanOrEqual(6);
    expect(monthsOf('requisition')).toBeGreaterThanOrEqual(12);
    expect(monthsOf('work_order')).toBeGreaterThanOrEqual(6);
    // The movement report of a month half a year ago has stock coming and going.
    const mid = new Date(seededBy.getTime() - 180 * 86_400_000);
    const from = `${month.format(mid)}-01`;
    const to = `${month.format(mid)}-28`;
    const report = await admin.get(`/api/stores/reports/movement-summary?from=${from}&to=${to}`);
    expect(report.statusCode, report.body).toBe(200);
    const rows = report.json<{ outQuantity: number; openingQuantity: number }[]>();
    expect(rows.reduce((a, r) => a + r.outQuantity, 0)).toBeGreaterThan(0);
    expect(rows.reduce((a, r) => a + r.openingQuantity, 0)).toBeGreaterThan(0);
  });

  it('plans the same stores year every time, all of it before the given moment', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const plan = planStoresYear(now);
    expect(JSON.stringify(planStoresYear(now))).toBe(JSON.stringify(plan));
    expect(plan.filter((e) => e.at >= now)).toEqual([]);
    // The same quantities whatever the day of seeding.
    const later = planStoresYear(new Date('2027-03-01T08:00:00Z'));
    const quantities = (p: typeof plan) => p.map((e) => e.lines.map((l) => l.slice(0, 2)));
    expect(quantities(later)).toEqual(quantities(plan));
  });

  it('refuses to seed the demo assets twice', async () => {
    const before = await t.db.selectFrom('ast_assets').select('id').execute();
    await expect(
      t.db.transaction().execute(async (tx) =>
        seedDemoAssets(tx, {
          orgId,
          userId: null,
          name: '演示数据',
          access: undefined as never,
          requestId: null,
          ip: null,
          lang: 'zh',
          audit: { count: 0 },
        }),
      ),
    ).rejects.toThrow(/already/);
    expect(await t.db.selectFrom('ast_assets').select('id').execute()).toHaveLength(before.length);
  });
});

async function categoryId(code: string) {
  const c = await t.db
    .selectFrom('ast_categories')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return c.id;
}
