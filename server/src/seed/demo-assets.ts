import type { Selectable, Transaction } from 'kysely';
// The platform's access has no index.ts: the seed reads grants as the sign-in does.
import { accessFromGrants } from '../platform/access/access.ts';
import { loadGrantRows } from '../platform/access/repository.ts';
import { recordAudit } from '../platform/audit/record-audit.ts';
import { loadConfig } from '../platform/config.ts';
import type { Actor } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { dialectOf } from '../platform/db/dialect.ts';
import type { Db } from '../platform/db/connect.ts';
import { prepareAssets } from '../modules/assets/defaults.ts';
import { recordCompensationEntry } from '../modules/assets/compensation/index.ts';
import { requestIdleTransfers } from '../modules/assets/idle/index.ts';
import {
  actOnOperation,
  createOperationInTx,
  type ActionBody,
} from '../modules/assets/operations/index.ts';
import {
  addStarterCatalogue,
  cardRow,
  nextAssetCodes,
  registerCards,
} from '../modules/assets/register/index.ts';
import { createStocktake, scanAsset } from '../modules/assets/stocktake/index.ts';
import type { AstCategoriesTable } from '../modules/assets/tables.ts';
import { IDLE, KINDS, roomUse, type Kind, type Room } from './demo-assets-data.ts';
import { seedStores } from './demo-assets-stores.ts';

/*
 * The demo hospital's property and stores: about 1,500 asset cards
 * registered in their purchase waves over ten years, then the last two
 * months of everyday business — assignments the custodian signed for (and
 * some not yet), a transfer, loans (one overdue, one returned), a repair that
 * raised a work order, damage with a 50% share paid, a loss awaiting
 * approval, a disposal, a department taking beds from the idle pool — a
 * stock-take under way in the ward building, and a central store per campus
 * with a year of spare parts and consumables (demo-assets-stores.ts).
 *
 * Everything after the cards goes through the module's own services, so the
 * timelines, numbers, compensation and moving averages are what the pages
 * would have produced. Those services open their own transaction; the demo
 * is one transaction (all or nothing), so they are handed `inSeed(tx)`.
 */

const DAY = 86_400_000;

/**
 * The seed's transaction, as a database whose `transaction().execute(fn)`
 * runs `fn` in it: services then write inside the demo's one transaction.
 * Kysely keeps private fields, so methods stay bound to the real object.
 */
function inSeed(tx: Transaction<Database>): Db {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction')
        return () => ({ execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(target) });
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** A demo account as the services see it when that person signs in. */
async function userActor(
  tx: Transaction<Database>,
  orgId: string,
  username: string,
): Promise<Actor> {
  const u = await tx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    orgId,
    userId: u.id,
    name: u.display_name,
    access: accessFromGrants(await loadGrantRows(tx, orgId, u.id)),
    requestId: null,
    ip: null,
    lang: 'zh',
    audit: { count: 0 },
  };
}

type Card = { kind: Kind; room: Room; department: string | null; custodian: string | null };

/** Places, departments, people and the accounts the operations are done by. */
async function loadContext(tx: Transaction<Database>, orgId: string) {
  const sites = await tx
    .selectFrom('sites')
    .select(['id', 'code'])
    .where('org_id', '=', orgId)
    .execute();
  const siteCode = new Map(sites.map((s) => [s.id, s.code]));
  const locations = await tx
    .selectFrom('locations')
    .select(['id', 'code', 'site_id', 'type'])
    .where('org_id', '=', orgId)
    .execute();
  const rooms: Room[] = locations
    .filter((l) => l.type === 'room' && l.code)
    .map((l) => {
      // MAIN-ZY-305: site, building, floor 3, room 5.
      const [site, building, no] = l.code!.split('-') as [string, string, string];
      return {
        id: l.id,
        code: l.code!,
        site,
        building,
        floor: Number(no.slice(0, -2)),
        no: Number(no.slice(-2)),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const departments = await tx
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .execute();
  const people = await tx
    .selectFrom('people')
    .select(['id', 'department_id', 'employee_no'])
    .where('org_id', '=', orgId)
    .orderBy('employee_no')
    .execute();
  const deptId = new Map(departments.map((d) => [d.name, d.id]));
  // The department's own staff (not the demo accounts), head first.
  const staff = new Map<string, string[]>();
  for (const p of people)
    if (p.department_id && !p.employee_no?.startsWith('D-'))
      staff.set(p.department_id, [...(staff.get(p.department_id) ?? []), p.id]);
  const demoPerson = async (username: string) =>
    (
      await tx
        .selectFrom('users')
        .select('person_id')
        .where('org_id', '=', orgId)
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).person_id!;
  return {
    siteId: (code: string) => sites.find((s) => s.code === code)!.id,
    siteCode,
    rooms,
    room: (code: string) => rooms.find((r) => r.code === code)!,
    dept: (name: string) => deptId.get(name)!,
    staffOf: (name: string) => staff.get(deptId.get(name)!) ?? [],
    keshi: await demoPerson('keshi'),
    zhigong: await demoPerson('zhigong'),
  };
}
type Context = Awaited<ReturnType<typeof loadContext>>;

/** Where every card stands: each kind's count per room, in the purchase wave that furnished the room. */
function planCards(ctx: Context) {
  const groups = new Map<string, { date: string; wave: Kind['waves'][number]; cards: Card[] }>();
  for (const kind of KINDS)
    for (const room of ctx.rooms) {
      const use = roomUse(room);
      if (!use) continue;
      const n = kind.perRoom(use.use, room);
      const wave = kind.waves.find((w) => w.when(room));
      if (!n || !wave) continue;
      const people = ctx.staffOf(use.department);
      // 谁使用谁负责: a named person of the department answers for each card.
      const custodian = people[(room.floor + room.no) % Math.max(1, people.length)] ?? null;
      const key = `${wave.date}|${kind.key}|${room.site}|${kind.waves.indexOf(wave)}`;
      const g = groups.get(key) ?? { date: wave.date, wave, cards: [] };
      for (let i = 0; i < n; i++)
        g.cards.push({ kind, room, department: use.department, custodian });
      groups.set(key, g);
    }
  for (const idle of IDLE) {
    const kind = KINDS.find((k) => k.key === idle.kind)!;
    const room = ctx.room(idle.room);
    groups.set(`${idle.date}|${kind.key}|idle`, {
      date: idle.date,
      wave: { ...idle, when: () => false },
      cards: Array.from({ length: idle.count }, () => ({
        kind,
        room,
        department: null,
        custodian: null,
      })),
    });
  }
  return [...groups.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Registers the planned cards, one numbered registration per purchase, on the day it was delivered. */
async function registerAll(tx: Transaction<Database>, ctx: Context, actor: Actor) {
  const categories = new Map(
    (
      await tx.selectFrom('ast_categories').selectAll().where('org_id', '=', actor.orgId).execute()
    ).map((c) => [c.code, c as Selectable<AstCategoriesTable>]),
  );
  const nextTag = new Map<string, number>();
  let count = 0;
  for (const g of planCards(ctx)) {
    const kind = g.cards[0]!.kind;
    const siteId = ctx.siteId(g.cards[0]!.room.site);
    const category = categories.get(kind.category)!;
    const registered = new Date(Date.parse(`${g.date}T01:30:00Z`) + 3 * DAY);
    const codes = await nextAssetCodes(tx, actor.orgId, g.cards.length, registered);
    const at = registered.toISOString();
    const [y] = g.date.split('-') as [string];
    const rows = g.cards.map((c, i) => {
      const n = (nextTag.get(kind.tagPrefix) ?? 0) + 1;
      nextTag.set(kind.tagPrefix, n);
      return cardRow(actor, {
        siteId,
        category,
        code: codes[i]!,
        tagNo: `${kind.tagPrefix}-${String(n).padStart(4, '0')}`,
        at,
        input: {
          name: kind.name,
          model: g.wave.model,
          unit: kind.unit,
          quantity: 1,
          unitPriceFen: g.wave.priceFen,
          purchaseDate: g.date,
          source: 'purchase',
          supplier: g.wave.supplier,
          invoiceNo: `${y}${g.date.slice(5, 7)}${String(count % 997).padStart(6, '0')}`,
          warrantyEnd: `${Number(y) + 3}${g.date.slice(4)}`,
          condition: g.wave.condition ?? 'good',
          custom: {},
          locationId: c.room.id,
          departmentId: c.department ? ctx.dept(c.department) : null,
          custodianPersonId: c.custodian,
        },
      });
    });
    await registerCards(tx, actor, siteId, rows, registered, {
      via: 'batch',
      reason: `${g.date.slice(0, 7)} 采购${kind.name} ${rows.length}${kind.unit}（${g.wave.supplier}）`,
    });
    count += rows.length;
  }
  return count;
}

/** Assets picked for an operation: by tag prefix, department and room code prefix, in tag order. */
async function pick(
  tx: Transaction<Database>,
  orgId: string,
  f: { tag: string; status?: string; department?: string | null; room?: string; count: number },
  ctx: Context,
): Promise<string[]> {
  let q = tx
    .selectFrom('ast_assets as a')
    .innerJoin('locations as l', 'l.id', 'a.location_id')
    .select('a.id')
    .where('a.org_id', '=', orgId)
    .where('a.tag_no', 'like', `${f.tag}-%`)
    .where('a.status', '=', f.status ?? 'in_use')
    .where('a.open_operation_id', 'is', null);
  if (f.department) q = q.where('a.department_id', '=', ctx.dept(f.department));
  if (f.department === null) q = q.where('a.department_id', 'is', null);
  if (f.room) q = q.where('l.code', 'like', `${f.room}%`);
  const rows = await q.orderBy('a.tag_no').limit(f.count).execute();
  if (rows.length < f.count) throw new Error(`demo assets: fewer than ${f.count} ${f.tag}`);
  return rows.map((r) => r.id);
}

/**
 * Seeds the demo hospital's assets and stores (see the comment at the top).
 * Refuses an organisation that has asset cards already, as `npm run demo`
 * refuses a database that holds one.
 */
export async function seedDemoAssets(
  tx: Transaction<Database>,
  seedActor: Actor,
  now = new Date(),
): Promise<{ assets: number; workOrders: number }> {
  const orgId = seedActor.orgId;
  const existing = await tx
    .selectFrom('ast_assets')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (existing) throw new Error('The demo assets are already there / 演示资产数据已存在');
  const db = inSeed(tx);
  const deps = { db, dialect: dialectOf(tx), config: loadConfig({}) };
  await prepareAssets(tx, orgId);
  await addStarterCatalogue(db, seedActor, 'hospital');
  const ctx = await loadContext(tx, orgId);
  const manager = await userActor(tx, orgId, 'zhuguan');
  const leader = await userActor(tx, orgId, 'lingdao');
  const assets = await registerAll(tx, ctx, manager);

  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * 3_600_000);
  const start = (actor: Actor, input: Parameters<typeof createOperationInTx>[3], days: number) =>
    createOperationInTx(deps, tx, actor, input, ago(days));
  const act = <A extends 'approve' | 'confirm'>(
    actor: Actor,
    id: string,
    action: A,
    body: ActionBody<A>,
    days: number,
  ) => actOnOperation(deps, actor, id, action, body, ago(days));
  const paper = { note: '纸质领用签收单已存档' };
  const find = (f: Parameters<typeof pick>[2]) => pick(tx, orgId, f, ctx);

  // 财务科 hands its old computers back to the pool before the new ones come.
  await start(
    manager,
    {
      kind: 'release',
      assetIds: await find({ tag: 'JSJ', department: '财务科', count: 2 }),
      reason: '更换信创电脑，旧机交回',
      condition: 'fair',
    },
    50,
  );
  // Loans: a wheelchair from the pool (now overdue), a stretcher (returned), a monitor (out).
  await start(
    manager,
    {
      kind: 'lend',
      assetIds: await find({ tag: 'LY', status: 'idle', department: null, count: 1 }),
      borrowerPersonId: ctx.staffOf('外科')[2]!,
      reason: '病区轮椅维修期间借用',
    },
    45,
  );
  // Assignments of the new computers: signed on paper, signed by the custodian, not yet signed.
  const toMedical = await start(
    manager,
    {
      kind: 'assign',
      assetIds: await find({ tag: 'JSJ', status: 'idle', department: null, count: 3 }),
      toDepartmentId: ctx.dept('医务科'),
      toCustodianPersonId: ctx.staffOf('医务科')[0]!,
      toLocationId: ctx.room('MAIN-XZ-201').id,
      reason: '医务科新增电子病历质控岗位',
    },
    40,
  );
  await act(manager, toMedical, 'confirm', paper, 39);
  const toLogistics = await start(
    manager,
    {
      kind: 'assign',
      assetIds: await find({ tag: 'JSJ', status: 'idle', department: null, count: 2 }),
      toDepartmentId: ctx.dept('后勤保障部'),
      toCustodianPersonId: ctx.keshi,
      toLocationId: ctx.room('MAIN-XZ-101').id,
      reason: '后勤报修调度台',
    },
    30,
  );
  await act(await userActor(tx, orgId, 'keshi'), toLogistics, 'confirm', {}, 29);
  const transfer = await start(
    manager,
    {
      kind: 'transfer',
      assetIds: await find({ tag: 'LY', department: '内科', room: 'MAIN-ZY-8', count: 4 }),
      toDepartmentId: ctx.dept('急诊科'),
      toCustodianPersonId: ctx.staffOf('急诊科')[0]!,
      toLocationId: ctx.room('MAIN-ZY-109').id,
      reason: '急诊留观床位增加，内科二病区调剂轮椅 4 台',
    },
    25,
  );
  await act(leader, transfer, 'approve', { note: '同意调剂' }, 24);
  await act(manager, transfer, 'confirm', paper, 23);
  // Reuse before buying (summary 4): 外科 takes four beds from the idle pool.
  const bedCategory = await tx
    .selectFrom('ast_categories')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', 'ZY-YL-BC')
    .executeTakeFirstOrThrow();
  // Beds of the main campus only: one transfer.
  const [reuse] = await requestIdleTransfers(
    deps,
    manager,
    {
      categoryId: bedCategory.id,
      quantity: 4,
      siteId: ctx.siteId('MAIN'),
      departmentId: ctx.dept('外科'),
      toLocationId: ctx.room('MAIN-ZY-409').id,
      reason: '外科加床 4 张，使用库存闲置病床，不再新购',
    },
    ago(21),
  );
  await act(leader, reuse!, 'approve', { note: '同意，优先使用闲置资产' }, 20);
  await act(manager, reuse!, 'confirm', { note: '外科护士长已在纸质单上签收' }, 19);
  const stretcher = await find({ tag: 'PC', department: '急诊科', count: 1 });
  await start(
    manager,
    {
      kind: 'lend',
      assetIds: stretcher,
      borrowerPersonId: ctx.staffOf('放射科')[1]!,
      reason: '放射科转运检查病人',
    },
    20,
  );
  // 计价挂帐，按比例赔偿 (summary 2): the custodian answers for half of a dropped computer.
  const [broken] = await find({ tag: 'JSJ', department: '内科', room: 'MAIN-ZY-210', count: 1 });
  const damage = await start(
    manager,
    {
      kind: 'damage',
      assetIds: [broken!],
      condition: 'damaged',
      reason: '搬动时跌落，显示器屏幕碎裂、主机外壳变形',
    },
    18,
  );
  const custodian = await tx
    .selectFrom('ast_assets')
    .select('custodian_person_id')
    .where('id', '=', broken!)
    .executeTakeFirstOrThrow();
  await act(
    leader,
    damage,
    'approve',
    {
      note: '保管人操作不当，按净值 50% 赔偿',
      compensations: [
        { partyType: 'person', personId: custodian.custodian_person_id!, shareBp: 5000 },
      ],
    },
    17,
  );
  const owed = await tx
    .selectFrom('ast_compensations')
    .select(['id', 'amount_fen'])
    .where('operation_id', '=', damage)
    .executeTakeFirstOrThrow();
  await recordCompensationEntry(
    db,
    manager,
    owed.id,
    'payment',
    { amountFen: Number(owed.amount_fen), receiptNo: 'SK-2026-0117', note: '财务科收款' },
    ago(10),
  );
  // Worn-out air conditioners of ten years are scrapped.
  const scrap = await start(
    manager,
    {
      kind: 'dispose',
      assetIds: await find({ tag: 'KT', room: 'MAIN-ZY-8', count: 5 }),
      reason: '使用满 10 年，制冷效果差，经鉴定无维修价值，申请报废',
    },
    15,
  );
  await act(leader, scrap, 'approve', { note: '同意报废，残值回收' }, 14);
  // The staff account has a computer to sign for when it signs in.
  await start(
    manager,
    {
      kind: 'assign',
      assetIds: await find({ tag: 'JSJ', status: 'idle', department: null, count: 1 }),
      toDepartmentId: ctx.dept('后勤保障部'),
      toCustodianPersonId: ctx.zhigong,
      toLocationId: ctx.room('MAIN-XZ-102').id,
      reason: '后勤仓库管理电脑',
    },
    12,
  );
  // Movers damaged a pharmacy refrigerator: their company pays in full, not yet paid.
  const fridge = await start(
    manager,
    {
      kind: 'damage',
      assetIds: await find({ tag: 'BX', department: '药剂科', count: 1 }),
      condition: 'poor',
      reason: '搬迁药房时搬家公司磕碰，门封条脱落、侧板凹陷',
    },
    9,
  );
  await act(
    leader,
    fridge,
    'approve',
    { compensations: [{ partyType: 'vendor', partyName: '市顺达搬家服务公司', shareBp: 10_000 }] },
    8,
  );
  // The stretcher lent to radiology comes back.
  await start(manager, { kind: 'return', assetIds: stretcher, condition: 'good' }, 8);
  await start(
    manager,
    {
      kind: 'lend',
      assetIds: await find({ tag: 'JHY', department: '内科', room: 'MAIN-ZY-2', count: 1 }),
      borrowerPersonId: ctx.staffOf('急诊科')[1]!,
      reason: '急诊抢救室监护仪送检，临时借用',
    },
    5,
  );
  await start(
    manager,
    {
      kind: 'assign',
      assetIds: await find({ tag: 'JSJ', status: 'idle', department: null, count: 4 }),
      toDepartmentId: ctx.dept('财务科'),
      toLocationId: ctx.room('MAIN-XZ-204').id,
      reason: '财务科电脑更新',
    },
    3,
  );
  await start(
    manager,
    {
      kind: 'loss',
      assetIds: await find({ tag: 'LY', department: '急诊科', count: 1 }),
      reason: '患者转院时随车带走，多次联系未追回',
    },
    2,
  );
  await seedStocktake(deps, ctx, manager, ago(1));
  // Send to repair, now: the work order it raises is the newest of the maintenance demo.
  const maintenanceCategory = await tx
    .selectFrom('mnt_categories')
    .select('id')
    .where('org_id', '=', orgId)
    .where('code', '=', 'other')
    .executeTakeFirstOrThrow();
  await createOperationInTx(
    deps,
    tx,
    manager,
    {
      kind: 'repair',
      assetIds: await find({ tag: 'BC', department: '外科', room: 'MAIN-ZY-4', count: 1 }),
      reason: '电动病床故障',
      workOrder: {
        categoryId: maintenanceCategory.id,
        description: '电动病床升降电机不工作，床头无法抬起',
      },
    },
    now,
  );
  const stores = await seedStores(
    deps,
    tx,
    ctx,
    {
      manager,
      leader,
      keshi: await userActor(tx, orgId, 'keshi'),
      zhigong: await userActor(tx, orgId, 'zhigong'),
      technician: await userActor(tx, orgId, 'shuidian'),
    },
    now,
  );
  await recordAudit(tx, seedActor, {
    action: 'seed_demo',
    entityType: 'assets',
    entityId: orgId,
    after: { assets, ...stores },
  });
  return { assets, workOrders: 1 };
}

type SeedDeps = {
  db: Db;
  dialect: ReturnType<typeof dialectOf>;
  config: ReturnType<typeof loadConfig>;
};

/** 住院楼 stock-take: floors 2 and 3 counted, two assets found elsewhere, one damaged. */
async function seedStocktake(deps: SeedDeps, ctx: Context, manager: Actor, at: Date) {
  const building = await deps.db
    .selectFrom('locations')
    .select('id')
    .where('org_id', '=', manager.orgId)
    .where('code', '=', 'MAIN-ZY')
    .executeTakeFirstOrThrow();
  const id = await createStocktake(
    deps,
    manager,
    {
      name: `${at.getUTCFullYear()} 年住院楼资产盘点`,
      siteId: ctx.siteId('MAIN'),
      scope: { buildingId: building.id },
    },
    at,
  );
  const lines = await deps.db
    .selectFrom('ast_stocktake_lines as s')
    .innerJoin('ast_assets as a', 'a.id', 's.asset_id')
    .innerJoin('locations as l', 'l.id', 's.expected_location_id')
    .select(['a.tag_no', 's.expected_location_id', 'l.code'])
    .where('s.stocktake_id', '=', id)
    .where((eb) => eb.or([eb('l.code', 'like', 'MAIN-ZY-2%'), eb('l.code', 'like', 'MAIN-ZY-3%')]))
    .orderBy('l.code')
    .orderBy('a.tag_no')
    .execute();
  for (const [i, l] of lines.entries()) {
    // Two assets turn up in the doctors' office of their floor; one is found broken.
    const elsewhere = i === 5 || i === 40;
    await scanAsset(
      deps.db,
      manager,
      id,
      {
        tag: l.tag_no,
        locationId: elsewhere ? ctx.room(l.code.slice(0, -2) + '10').id : l.expected_location_id!,
        ...(i === 12 && { result: 'damaged' as const, note: '柜门合页断裂' }),
      },
      new Date(at.getTime() + i * 40_000),
    );
  }
  return id;
}
