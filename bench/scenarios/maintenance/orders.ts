/**
 * A million work orders as ten years of a large hospital group would leave
 * them: generated here, row by row, with a seeded random source so every run
 * loads the same data. Every column the list, the statistics and the SLA job
 * read is filled the way the services fill it (times in order, minutes and
 * breach flags that agree with the due times, ratings on closed orders).
 */
import { v7 } from 'uuid';
import type { Fixtures } from './fixtures.ts';
import { SITE_WEIGHTS } from './fixtures.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
export const YEARS = 10;

/** Category shares of summary 3 (the demo's annual counts). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  lighting: 3753,
  appliance: 2712,
  lock: 1800,
  drain: 2000,
  paging: 293,
  socket: 181,
  furniture: 122,
  hvac: 56,
  elevator: 35,
  water: 420,
  power: 260,
  carpentry: 150,
  other: 60,
};
const PRIORITY_WEIGHTS: Record<string, number> = { urgent: 5, high: 15, normal: 70, low: 10 };
const RATING_WEIGHTS = [2, 3, 10, 30, 55]; // 1 … 5 stars
const TEAMS_BY_CATEGORY: Record<string, number> = { hvac: 1, water: 0, power: 0, drain: 0 }; // others: 2
const DESCRIPTIONS = [
  '灯管不亮',
  '走廊灯闪烁',
  '门锁打不开',
  '水龙头漏水',
  '下水道堵塞',
  '空调不制冷',
  '呼叫器无声',
  '插座没电',
  '椅子腿松动',
  '电水壶不加热',
  '柜门合页脱落',
  '窗户关不严',
];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'];

/** mulberry32: small, fast and good enough to spread test data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function picker<T>(r: () => number, items: readonly T[], weights: readonly number[]) {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  const cumulative = weights.map((w) => (sum += w / total));
  return () => {
    const x = r();
    const i = cumulative.findIndex((c) => x < c);
    return items[i < 0 ? items.length - 1 : i]!;
  };
}

/** The columns of mnt_work_orders in the order `generateOrders` yields their values. */
export const COLUMNS = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['site_id', 'uuid'],
  ['number', 'text'],
  ['source', 'text'],
  ['status', 'text'],
  ['category_id', 'uuid'],
  ['priority_id', 'uuid'],
  ['location_id', 'uuid'],
  ['building_id', 'uuid'],
  ['asset_ref', 'text'],
  ['place_text', 'text'],
  ['department_id', 'uuid'],
  ['requester_user_id', 'uuid'],
  ['requester_name', 'text'],
  ['requester_phone', 'text'],
  ['description', 'text'],
  ['created_by', 'uuid'],
  ['team_id', 'uuid'],
  ['assignee_user_id', 'uuid'],
  ['submitted_at', 'timestamptz'],
  ['assigned_at', 'timestamptz'],
  ['accepted_at', 'timestamptz'],
  ['started_at', 'timestamptz'],
  ['completed_at', 'timestamptz'],
  ['confirmed_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['cancelled_at', 'timestamptz'],
  ['paused_at', 'timestamptz'],
  ['paused_minutes', 'integer'],
  ['response_due_at', 'timestamptz'],
  ['completion_due_at', 'timestamptz'],
  ['response_minutes', 'integer'],
  ['completion_minutes', 'integer'],
  ['response_breached', 'integer'],
  ['completion_breached', 'integer'],
  ['response_warned', 'integer'],
  ['completion_warned', 'integer'],
  ['rating', 'integer'],
  ['rating_comment', 'text'],
  ['labour_minutes', 'integer'],
  ['materials_fen', 'bigint'],
  ['outside_fen', 'bigint'],
  ['cause', 'text'],
  ['action_taken', 'text'],
  ['reopen_count', 'integer'],
  ['version', 'integer'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

export type Value = string | number | null;

/** When the orders were reported: `count` instants over ten years up to `now`, ascending. */
function submissionTimes(r: () => number, count: number, now: number): Float64Array {
  const start = now - YEARS * 365 * DAY;
  const hour = picker(
    r,
    Array.from({ length: 24 }, (_, h) => h),
    // Beijing hours (UTC+8): most reports between 08:00 and 17:30, a trickle at night.
    Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 10 : h >= 6 && h < 22 ? 3 : 1)),
  );
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // Business grew: the last year has 1.5× the orders of the first (density
    // 1 + u/2 over the span; this is its inverse distribution function).
    const day = Math.floor(2 * (Math.sqrt(1 + 1.25 * r()) - 1) * YEARS * 365);
    const dayStart = start + Math.min(day, YEARS * 365 - 1) * DAY;
    // Midnight UTC is 08:00 in Beijing: shift the hour back by 8.
    const t = dayStart + ((hour() - 8 + 24) % 24) * 3600_000 + Math.floor(r() * 3600_000);
    times[i] = Math.min(t, now - MINUTE);
  }
  return times.sort();
}

/**
 * The rows, oldest first, as arrays of values in COLUMNS order, with the last
 * number issued per year (for the numbering service to continue from).
 */
export function* generateOrders(
  fx: Fixtures,
  count: number,
  now: number,
  teamIds: string[],
  lastNumbers: Map<number, number>,
): Generator<Value[]> {
  const r = rng(20261124);
  const times = submissionTimes(r, count, now);
  const site = picker(
    r,
    fx.siteIds.map((_, i) => i),
    SITE_WEIGHTS,
  );
  const roomsAt = fx.siteIds.map((id) => fx.rooms.filter((room) => room.siteId === id));
  const category = picker(
    r,
    fx.categories,
    fx.categories.map((c) => CATEGORY_WEIGHTS[c.code] ?? 50),
  );
  const priority = picker(
    r,
    fx.priorities,
    fx.priorities.map((p) => PRIORITY_WEIGHTS[p.code] ?? 10),
  );
  const rating = picker(r, [1, 2, 3, 4, 5], RATING_WEIGHTS);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const yearOf = new Intl.DateTimeFormat('en-US', { timeZone: fx.timeZone, year: 'numeric' });
  const techsPerSite = Math.max(1, Math.floor(fx.technicianIds.length / fx.siteIds.length));

  for (let i = 0; i < count; i++) {
    const t = times[i]!;
    const age = (now - t) / MINUTE;
    const s = site();
    const room = pick(roomsAt[s]!);
    const c = category();
    const p = priority();
    const year = Number(yearOf.format(t));
    const seq = (lastNumbers.get(year) ?? 0) + 1;
    lastNumbers.set(year, seq);
    const self = r() < 0.08 ? pick(fx.reporterIds) : null;

    // How far the order got: recent ones are still open, old ones closed.
    const x = r();
    const openShare = age < 120 ? 1 : age < 1440 ? 0.3 : age < 7 * 1440 ? 0.06 : 0.0015;
    const cancelled = x < 0.02;
    const open = !cancelled && x < 0.02 + openShare;
    const reached = cancelled ? 0 : open ? pick([0, 1, 1, 2, 3, 3, 4]) : 5; // 0 submitted, 1 assigned, 2 accepted, 3 in progress, 4 paused, 5 completed
    // Minutes from the report to acceptance and to completion (clock minutes).
    const response = Math.max(2, Math.round(p.response * (0.1 + r() * 1.3)));
    const work = Math.round(20 + r() * r() * 600 + (r() < 0.05 ? r() * 5 * 1440 : 0));
    const completion = response + work;
    const assignedAt = reached >= 1 ? t + Math.min(response, 2 + r() * 30) * MINUTE : null;
    const acceptedAt = reached >= 2 && response < age ? t + response * MINUTE : null;
    const startedAt = reached >= 3 && acceptedAt ? acceptedAt + r() * 20 * MINUTE : null;
    const pausedAt = reached === 4 && startedAt ? startedAt + r() * 60 * MINUTE : null;
    const done = reached === 5 && completion < age;
    const completedAt = done ? t + completion * MINUTE : null;
    let status = cancelled
      ? 'cancelled'
      : !done
        ? (['submitted', 'assigned', 'accepted', 'in_progress', 'paused'][
            Math.min(reached, acceptedAt ? 4 : 1)
          ] ?? 'submitted')
        : 'completed';
    // Requesters rate most orders; the rest confirm themselves after 3 days.
    const rated = done && r() < 0.7;
    let confirmedAt: number | null = null;
    let closedAt: number | null = null;
    if (done) {
      const answered = completedAt! + r() * 3 * DAY;
      if (answered < now) {
        confirmedAt = answered;
        status = 'confirmed';
        if (rated) {
          closedAt = answered;
          status = 'closed';
        }
      }
    }
    const cancelledAt = cancelled ? t + Math.min(age, 10 + r() * 600) * MINUTE : null;
    const stars = status === 'closed' ? rating() : null;
    const assigned = assignedAt !== null || done;
    const tech = assigned
      ? fx.technicianIds[
          (s * techsPerSite + Math.floor(r() * techsPerSite)) % fx.technicianIds.length
        ]!
      : null;
    const responseDue = t + p.response * MINUTE;
    const completionDue = t + p.completion * MINUTE;
    const responseMinutes = acceptedAt || done ? response : null;
    const completionMinutes = done ? completion : null;
    const responseBreached =
      (responseMinutes ?? age) > p.response && (responseMinutes !== null || !cancelled) ? 1 : 0;
    const completionBreached =
      (completionMinutes ?? age) > p.completion && (done || !cancelled) ? 1 : 0;
    const last = Math.max(
      t,
      assignedAt ?? 0,
      acceptedAt ?? 0,
      startedAt ?? 0,
      pausedAt ?? 0,
      completedAt ?? 0,
      confirmedAt ?? 0,
      cancelledAt ?? 0,
    );
    const materials = done && r() < 0.4 ? Math.round(500 + r() * 20_000) : 0;
    yield [
      v7({ msecs: Math.floor(t) }),
      fx.orgId,
      fx.siteIds[s]!,
      `WX-${year}-${String(seq).padStart(6, '0')}`,
      self ? pick(['portal', 'portal', 'qr']) : 'phone',
      status,
      c.id,
      p.id,
      room.id,
      room.buildingId,
      null,
      null,
      r() < 0.95 ? pick(fx.departmentIds) : null,
      self,
      self ? 'mnt-staff' : pick(SURNAMES) + pick(GIVEN) + (r() < 0.5 ? pick(GIVEN) : ''),
      `1${Math.floor(3e9 + r() * 6e9)}`,
      pick(DESCRIPTIONS),
      self ?? fx.dispatcherId,
      assigned ? teamIds[TEAMS_BY_CATEGORY[c.code] ?? 2]! : null,
      tech,
      iso(t),
      iso(assignedAt ?? (done ? t : null)),
      iso(acceptedAt ?? (done ? t + response * MINUTE : null)),
      iso(startedAt ?? (done ? t + response * MINUTE : null)),
      iso(completedAt),
      iso(confirmedAt),
      iso(closedAt),
      iso(cancelledAt),
      iso(pausedAt),
      0,
      iso(responseDue),
      iso(completionDue),
      responseMinutes,
      completionMinutes,
      responseBreached,
      completionBreached,
      responseBreached,
      completionBreached,
      stars,
      stars !== null && r() < 0.2 ? (stars >= 4 ? '师傅很负责' : '拖了很久') : null,
      done ? Math.round(work * (0.5 + r() * 0.5)) : 0,
      materials,
      done && c.code === 'elevator' && r() < 0.3 ? Math.round(80_000 + r() * 220_000) : 0,
      done && completionBreached ? '等待配件' : null,
      done ? '已修复' : null,
      0,
      1 + (assigned ? 1 : 0) + (acceptedAt ? 1 : 0) + (startedAt ? 1 : 0) + (done ? 1 : 0),
      iso(t),
      iso(last),
    ];
  }
}
