import type { Insertable } from 'kysely';
import { recordAudit } from '../platform/audit/record-audit.ts';
import type { Actor } from '../platform/context.ts';
import type { DbOrTx } from '../platform/db/connect.ts';
import { readJson, writeJson } from '../platform/db/dialect.ts';
import { newId } from '../platform/ids.ts';
import { formatNumber, type NumberFormat } from '../platform/numbering/next-number.ts';
import { WORK_ORDER_NUMBERING } from '../modules/maintenance/create-work-order.ts';
import { prepareMaintenance } from '../modules/maintenance/defaults.ts';
import {
  isWorkingDay,
  startOfLocalDay,
  type WorkingCalendar,
} from '../modules/maintenance/sla-clock.ts';
import type {
  MntEventsTable,
  MntLabourTable,
  MntMaterialsTable,
  MntSlaBreachesTable,
  MntWorkOrdersTable,
} from '../modules/maintenance/tables.ts';
import { CANCEL_NOTES, DEMO_CATEGORIES, LATE_CAUSES } from './demo-maintenance-data.ts';
import {
  HOURS,
  planLife,
  slaMath,
  weighted,
  type SlaMath,
  type Who,
} from './demo-maintenance-plan.ts';
import { rng } from './names.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
// Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const BATCH_PARAMS = 30_000;

const TEAMS = ['水电班', '空调组', '综合维修组'] as const;
type TeamName = (typeof TEAMS)[number];

/** Today's date in a zone, `YYYY-MM-DD`. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function localDate(timeZone: string, at: Date): string {
  let f = dateFormats.get(timeZone);
  if (!f) dateFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone })));
  return f.format(at);
}

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * The 12 months of demo orders, as the days a statistics query would name:
 * from the day after this date last year to today (the orders stop at now).
 */
export function demoMaintenanceRange(timeZone: string, now: Date): { from: string; to: string } {
  const to = localDate(timeZone, now);
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  const lastYear = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
  return { from: addDays(lastYear, 1), to };
}

async function insertBatched<T extends object>(
  tx: DbOrTx,
  table: 'mnt_work_orders' | 'mnt_events' | 'mnt_labour' | 'mnt_materials' | 'mnt_sla_breaches',
  rows: T[],
): Promise<void> {
  if (!rows.length) return;
  const size = Math.max(1, Math.floor(BATCH_PARAMS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size)
    // The row types are the table's own; Kysely cannot relate the generic table name to them.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}

type Context = Awaited<ReturnType<typeof loadContext>>;

/** What the orders refer to: categories, priorities, places, people, the demo accounts. */
async function loadContext(tx: DbOrTx, orgId: string) {
  const org = await tx
    .selectFrom('organizations')
    .select(['timezone', 'settings'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const settings = readJson<{
    calendar?: WorkingCalendar;
    numbering?: Record<string, NumberFormat>;
  }>(org.settings);
  const calendar: WorkingCalendar = settings.calendar ?? {
    workingDays: [1, 2, 3, 4, 5],
    workStart: '08:00',
    workEnd: '17:30',
    holidays: [],
    extraWorkdays: [],
  };
  const categories = await tx
    .selectFrom('mnt_categories')
    .select(['id', 'code'])
    .where('org_id', '=', orgId)
    .execute();
  const priorities = await tx
    .selectFrom('mnt_priorities')
    .selectAll()
    .where('org_id', '=', orgId)
    .execute();
  const locations = await tx
    .selectFrom('locations')
    .select(['id', 'site_id', 'parent_id', 'type', 'name'])
    .where('org_id', '=', orgId)
    .execute();
  const byId = new Map(locations.map((l) => [l.id, l]));
  const buildingOf = (id: string) => {
    let l = byId.get(id);
    while (l && l.type !== 'building' && l.parent_id) l = byId.get(l.parent_id);
    return l?.type === 'building' ? l.id : null;
  };
  const rooms = locations.filter((l) => l.type === 'room');
  const wardBuilding = locations.find((l) => l.type === 'building' && l.name === '住院楼');
  const wards = rooms.filter((l) => wardBuilding && buildingOf(l.id) === wardBuilding.id);
  const buildings = locations.filter((l) => l.type === 'building');
  const people = await tx
    .selectFrom('people as p')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .select(['p.name', 'p.phone', 'p.department_id', 'd.name as department', 'd.parent_id'])
    .where('p.org_id', '=', orgId)
    // Not the people behind the demo accounts: they appear as themselves.
    .where('p.employee_no', 'not like', 'D-%')
    .execute();
  const users = await tx
    .selectFrom('users as u')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .select(['u.id', 'u.username', 'u.display_name', 'p.department_id', 'p.phone'])
    .where('u.org_id', '=', orgId)
    .execute();
  const user = (username: string) => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return u;
  };
  // Clinical staff report; logistics staff appear as the technicians' helpers.
  const logistics = new Set(TEAMS as readonly string[]).add('木工班');
  return {
    orgId,
    timeZone: org.timezone,
    calendar,
    format: settings.numbering?.[WORK_ORDER_NUMBERING.docType] ?? WORK_ORDER_NUMBERING.format,
    category: new Map(categories.map((c) => [c.code, c.id])),
    priority: new Map(priorities.map((p) => [p.code, p])),
    rooms,
    wards,
    buildings,
    buildingOf,
    reporters: people.filter((p) => p.parent_id === null && p.department !== '后勤保障部'),
    helpers: (team: string) =>
      people.filter(
        (p) => p.department === team || (team === '综合维修组' && logistics.has(p.department)),
      ),
    dispatcher: user('diaodu'),
    technicians: { shuidian: user('shuidian'), kongtiao: user('kongtiao') },
    selfService: [user('zhigong'), user('keshi')],
  };
}

/** Teams of the demo technicians, the category → team rules, and this week's duty roster. */
async function seedTeams(tx: DbOrTx, ctx: Context, now: Date): Promise<Map<TeamName, string>> {
  const at = now.toISOString();
  const { shuidian, kongtiao } = ctx.technicians;
  const teams = new Map(TEAMS.map((name) => [name, newId()]));
  await tx
    .insertInto('mnt_teams')
    .values(
      TEAMS.map((name) => ({
        id: teams.get(name)!,
        org_id: ctx.orgId,
        site_id: null,
        name,
        active: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  const members: [TeamName, string, number][] = [
    ['水电班', shuidian.id, 1],
    ['水电班', kongtiao.id, 0],
    ['空调组', kongtiao.id, 1],
    ['综合维修组', kongtiao.id, 1],
    ['综合维修组', shuidian.id, 0],
  ];
  await tx
    .insertInto('mnt_team_members')
    .values(
      members.map(([team, userId, leader]) => ({
        team_id: teams.get(team)!,
        user_id: userId,
        org_id: ctx.orgId,
        leader,
      })),
    )
    .execute();
  await tx
    .insertInto('mnt_dispatch_rules')
    .values(
      Object.entries(DEMO_CATEGORIES).map(([code, c]) => ({
        id: newId(),
        org_id: ctx.orgId,
        category_id: ctx.category.get(code)!,
        site_id: null,
        team_id: teams.get(c.team)!,
        auto_assign: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  // A week from today: both on the day shift, and one of them on call each night, in turn.
  const today = localDate(ctx.timeZone, now);
  const duty = [];
  for (let i = 0; i < 7; i++) {
    const day = addDays(today, i);
    for (const team of TEAMS) {
      const list = members.filter((m) => m[0] === team).map((m) => m[1]);
      for (const userId of list)
        duty.push({ team, userId, day, start: ctx.calendar.workStart, end: ctx.calendar.workEnd });
      duty.push({
        team,
        userId: list[i % list.length]!,
        day,
        start: ctx.calendar.workEnd,
        end: ctx.calendar.workStart,
      });
    }
  }
  await tx
    .insertInto('mnt_duty')
    .values(
      duty.map((d) => ({
        id: newId(),
        org_id: ctx.orgId,
        team_id: teams.get(d.team)!,
        user_id: d.userId,
        day: d.day,
        start_time: d.start,
        end_time: d.end,
      })),
    )
    .execute();
  return teams;
}

type Draft = { code: string; submitted: number; priority: string };

/** When each order was reported: exactly the category's count, by day weight, season and hour. */
export function draftOrders(
  ctx: Pick<Context, 'calendar' | 'timeZone'>,
  r: () => number,
  range: { from: string; to: string },
  now: Date,
) {
  const days: { date: string; start: number; weight: number; month: number }[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    const weight = isWorkingDay(ctx.calendar, d) ? 1 : weekday === 6 ? 0.5 : 0.4;
    days.push({
      date: d,
      start: startOfLocalDay(ctx.timeZone, d).getTime(),
      weight,
      month: Number(d.slice(5, 7)),
    });
  }
  const drafts: Draft[] = [];
  for (const [code, c] of Object.entries(DEMO_CATEGORIES)) {
    const weights = days.map((d) => d.weight * (c.season?.[d.month - 1] ?? 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const mix = c.priorities;
    for (let n = 0; n < c.count;) {
      const x = r();
      const priority =
        x < mix.urgent
          ? 'urgent'
          : x < mix.urgent + mix.high
            ? 'high'
            : x < mix.urgent + mix.high + mix.normal
              ? 'normal'
              : 'low';
      const day = days[weighted(r, weights, total)]!;
      const hours = priority === 'urgent' || day.weight < 1 ? HOURS.urgent : HOURS.day;
      // Whole hours are fine in Asia/Shanghai; a DST zone shifts an hour twice a year.
      const submitted =
        day.start +
        (weighted(r, hours) * 60 + Math.floor(r() * 60)) * MINUTE +
        Math.floor(r() * 60_000);
      // Today, later than now (seconds included): draw again.
      if (submitted > now.getTime()) continue;
      drafts.push({ code, submitted, priority });
      n++;
    }
  }
  return drafts.sort((a, b) => a.submitted - b.submitted);
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * A year of maintenance for the demo hospital: the demo technicians' teams,
 * rules and roster, and one order per repair of summary 3 (see
 * demo-maintenance-data.ts) with their events, labour, materials and SLA
 * breaches, numbered as the numbering service would have numbered them.
 * Inserted in batches in the caller's transaction (about 12,000 orders);
 * audited as one seed entry rather than one row per order.
 */
export async function seedDemoMaintenance(
  tx: DbOrTx,
  actor: Actor,
  now = new Date(),
): Promise<{ workOrders: number; from: string; to: string }> {
  const orgId = actor.orgId;
  await prepareMaintenance(tx, orgId);
  const ctx = await loadContext(tx, orgId);
  const teams = await seedTeams(tx, ctx, now);
  const range = demoMaintenanceRange(ctx.timeZone, now);
  const r = rng(20261124);
  const drafts = draftOrders(ctx, r, range, now);

  const orders: Insertable<MntWorkOrdersTable>[] = [];
  const events: Insertable<MntEventsTable>[] = [];
  const labour: Insertable<MntLabourTable>[] = [];
  const materials: Insertable<MntMaterialsTable>[] = [];
  const breaches: Insertable<MntSlaBreachesTable>[] = [];
  const lastSeq = new Map<number, number>();
  const asWho = (u: { id: string; display_name: string }): Who => ({
    userId: u.id,
    name: u.display_name,
  });
  const dispatcher = asWho(ctx.dispatcher);
  // Due times of the last orders run a few weeks past today (low priority, holidays).
  const clocks = [false, true].map((roundTheClock) =>
    slaMath(
      { calendar: ctx.calendar, timeZone: ctx.timeZone, roundTheClock },
      addDays(range.from, -1),
      addDays(range.to, 60),
    ),
  ) as [SlaMath, SlaMath];

  for (const d of drafts) {
    const c = DEMO_CATEGORIES[d.code]!;
    const priority = ctx.priority.get(d.priority)!;
    const clock = clocks[priority.round_the_clock === 1 ? 1 : 0];
    const id = newId();
    const year = Number(localDate(ctx.timeZone, new Date(d.submitted)).slice(0, 4));
    const seq = (lastSeq.get(year) ?? 0) + 1;
    lastSeq.set(year, seq);

    const place =
      c.place === 'building'
        ? pick(r, ctx.buildings)
        : pick(r, c.place === 'ward' && ctx.wards.length ? ctx.wards : ctx.rooms);
    const self = r() < 0.04 ? pick(r, ctx.selfService) : null;
    const reporter = self ? null : pick(r, ctx.reporters);
    const requester = self
      ? { ...asWho(self), selfService: true }
      : { userId: null, name: reporter!.name, selfService: false };
    const tech =
      c.team === '空调组'
        ? ctx.technicians.kongtiao
        : c.team === '水电班'
          ? r() < 0.85
            ? ctx.technicians.shuidian
            : ctx.technicians.kongtiao
          : r() < 0.6
            ? ctx.technicians.kongtiao
            : ctx.technicians.shuidian;
    const technician = asWho(tech);

    // The technician's report: labour for most, a helper now and then, materials for some.
    const duration = Math.round((c.work[0] + (c.work[1] - c.work[0]) * r()) / 5) * 5;
    const lab: { user: Who; minutes: number }[] = [
      { user: technician, minutes: r() < 0.65 ? duration : 0 },
    ];
    const helpers = ctx.helpers(c.team);
    if (lab[0]!.minutes && helpers.length && r() < 0.2)
      lab.push({ user: { userId: null, name: pick(r, helpers).name }, minutes: duration });
    // As a completion does: only labour with minutes is recorded.
    const worked = lab.filter((l) => l.minutes > 0);
    const mats =
      r() < 0.4 ? [{ ...pick(r, c.materials), quantity: 1 + Math.floor(r() * r() * 3) }] : [];
    const outside = d.code === 'elevator' && r() < 0.3 ? Math.round(800 + r() * 2200) * 100 : 0;
    const actionTaken = pick(r, c.actions);

    const life = planLife({
      rand: r,
      clock,
      submitted: d.submitted,
      targets: { response: priority.response_minutes, completion: priority.completion_minutes },
      work: c.work,
      requester,
      creator: self ? asWho(self) : dispatcher,
      dispatcher,
      technician,
      cancelNote: r() < 0.012 ? pick(r, CANCEL_NOTES) : null,
      completion: {
        data: {
          labour: worked.map((l) => ({ name: l.user.name, minutes: l.minutes })),
          materials: mats.map((m) => ({
            name: m.name,
            quantity: m.quantity,
            amountFen: m.quantity * m.costFen,
          })),
          outsideFen: outside,
        },
      },
      now: now.getTime(),
    });
    const completed = life.at.completed !== null;
    const late = life.breaches.some((b) => b.kind === 'completion');
    const assigned = life.at.assigned !== null;
    const last = life.steps.at(-1)!.at;
    orders.push({
      id,
      org_id: orgId,
      site_id: place.site_id,
      number: formatNumber(ctx.format, year, seq),
      source: self ? (r() < 0.3 ? 'qr' : 'portal') : 'phone',
      status: life.status,
      category_id: ctx.category.get(d.code)!,
      priority_id: priority.id,
      location_id: place.id,
      building_id: ctx.buildingOf(place.id),
      asset_ref: null,
      place_text: null,
      department_id: self ? self.department_id : reporter!.department_id,
      requester_user_id: self ? self.id : null,
      requester_name: requester.name,
      requester_phone: self ? self.phone : reporter!.phone,
      description: pick(r, c.descriptions),
      created_by: self ? self.id : ctx.dispatcher.id,
      team_id: assigned ? teams.get(c.team)! : null,
      assignee_user_id: assigned ? tech.id : null,
      submitted_at: iso(d.submitted)!,
      assigned_at: iso(life.at.assigned),
      accepted_at: iso(life.at.accepted),
      started_at: iso(life.at.started),
      completed_at: iso(life.at.completed),
      confirmed_at: iso(life.at.confirmed),
      closed_at: iso(life.at.closed),
      cancelled_at: iso(life.at.cancelled),
      paused_at: null,
      paused_minutes: 0,
      response_due_at: iso(life.responseDue)!,
      completion_due_at: iso(life.completionDue)!,
      response_minutes: life.responseMinutes,
      completion_minutes: life.completionMinutes,
      response_breached: life.breaches.some((b) => b.kind === 'response') ? 1 : 0,
      completion_breached: late ? 1 : 0,
      response_warned: life.warned.response ? 1 : 0,
      completion_warned: life.warned.completion ? 1 : 0,
      rating: life.rating,
      rating_comment: life.comment,
      labour_minutes: completed ? worked.reduce((a, l) => a + l.minutes, 0) : 0,
      materials_fen: completed ? mats.reduce((a, m) => a + m.quantity * m.costFen, 0) : 0,
      outside_fen: completed ? outside : 0,
      cause: completed && late ? pick(r, LATE_CAUSES) : null,
      action_taken: completed ? actionTaken : null,
      reopen_count: 0,
      version: life.steps.length,
      created_at: iso(d.submitted)!,
      updated_at: iso(last)!,
    });
    for (const s of life.steps)
      events.push({
        id: newId(),
        org_id: orgId,
        work_order_id: id,
        action: s.action,
        from_status: s.from,
        to_status: s.to,
        actor_user_id: s.by.userId,
        actor_name: s.by.name,
        note: s.note ?? null,
        data:
          s.action === 'assign'
            ? writeJson({ ...(s.data as object), teamId: teams.get(c.team)! })
            : s.action === 'create'
              ? writeJson({ source: orders.at(-1)!.source })
              : s.data === undefined
                ? null
                : writeJson(s.data),
        at: iso(s.at)!,
      });
    if (completed) {
      for (const l of worked)
        labour.push({
          id: newId(),
          org_id: orgId,
          work_order_id: id,
          user_id: l.user.userId,
          worker_name: l.user.name,
          minutes: l.minutes,
        });
      for (const m of mats)
        materials.push({
          id: newId(),
          org_id: orgId,
          work_order_id: id,
          item_ref: null,
          name: m.name,
          unit: m.unit,
          quantity: m.quantity,
          unit_cost_fen: m.costFen,
          amount_fen: m.quantity * m.costFen,
        });
    }
    for (const b of life.breaches)
      breaches.push({
        id: newId(),
        org_id: orgId,
        work_order_id: id,
        kind: b.kind,
        due_at: iso(b.due)!,
        breached_at: iso(b.at)!,
      });
  }

  await insertBatched(tx, 'mnt_work_orders', orders);
  await insertBatched(tx, 'mnt_events', events);
  await insertBatched(tx, 'mnt_labour', labour);
  await insertBatched(tx, 'mnt_materials', materials);
  await insertBatched(tx, 'mnt_sla_breaches', breaches);
  // The numbering service continues from the last number issued in each year.
  for (const [year, last] of lastSeq)
    await tx
      .insertInto('numbering_sequences')
      .values({ org_id: orgId, doc_type: WORK_ORDER_NUMBERING.docType, year, last_value: last })
      .onConflict((oc) =>
        oc.columns(['org_id', 'doc_type', 'year']).doUpdateSet({ last_value: last }),
      )
      .execute();
  // One audit entry for the whole seed: a row per order would double the audit log for no reader.
  await recordAudit(tx, actor, {
    action: 'seed_demo',
    entityType: 'maintenance',
    entityId: orgId,
    after: {
      workOrders: orders.length,
      events: events.length,
      labour: labour.length,
      materials: materials.length,
      breaches: breaches.length,
      teams: [...teams.keys()],
      from: range.from,
      to: range.to,
    },
  });
  return { workOrders: orders.length, ...range };
}
