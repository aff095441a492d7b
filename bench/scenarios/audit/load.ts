/**
 * Ten years of a large hospital's audit log, written into the running
 * server's database directly: through the API, 3,000,000 rows would take
 * days. The table, its indexes and the organisation are the server's own
 * (migrations and set-up); only the rows are written here, with the columns
 * recordAudit fills.
 *
 * The rows come from "stories" drawn with a seeded random source: a work
 * order's life (create, assign, accept, start, complete, confirm or
 * auto-confirm, rate, callback, the SLA job's warnings and breaches), a
 * sign-in and perhaps its sign-out, an asset operation and its approval and
 * receipt, a stores document, edits of cards, people, places and
 * departments. Stories start on working days, mostly in working hours, more
 * of them as the decade goes on; rows after `now` are left out (open
 * orders). Then the rows are written in time order with UUIDv7 ids whose
 * time is their `at`, as the server writes them. A few rows are deliberately
 * rare and old: the organisation's set-up (the server's own row, moved to
 * the start of the decade) and its first settings, and six backup downloads
 * years ago — the filters that used to walk the whole log to find them.
 */
import { randomFillSync } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v7 } from 'uuid';
import { picker, rng, zipf } from '../../lib/random.ts';
import type { Houqin } from '../../lib/server.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const YEARS = 10;
/** Rows per PostgreSQL statement (one array parameter per column). */
const PG_BATCH = 20_000;
/** Share of the stories at each site: one main campus, three smaller ones. */
const SITE_WEIGHTS = [0.5, 0.25, 0.15, 0.1];

/** audit_log's columns in the order rows are yielded, with their PostgreSQL types. */
const COLUMNS = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['at', 'timestamptz'],
  ['actor_user_id', 'uuid'],
  ['actor_name', 'text'],
  ['action', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['site_id', 'uuid'],
  ['before', 'jsonb'],
  ['after', 'jsonb'],
  ['request_id', 'text'],
  ['ip', 'text'],
] as const;
type Value = string | null;

/** Where the rows belong: from `GET /api/me` and the sites the section made. */
export type AuditPlace = { orgId: string; timeZone: string; siteIds: string[] };

/** What the scenarios filter by, found while generating. */
export type AuditPicks = {
  /** An account with about 3,000 rows in the last 365 days (the export's filter). */
  actor: { id: string; name: string; lastYear: number; total: number };
  /** A work order reported about a year ago, and its rows (its record's timeline). */
  workOrder: { id: string; rows: number };
  /** Rows of entity type `organization` (set-up and settings) and of action `download_backup`. */
  organizationRows: number;
  backupRows: number;
};
export type Loaded = { seconds: number; count: number; workOrderShare: number; picks: AuditPicks };

/** UUIDv7 of a given instant (uuid's v7 with random bytes drawn 64 KB at a time: 7× faster). */
const pool = Buffer.alloc(65_536);
let poolAt = pool.length;
function idAt(msecs: number): string {
  if (poolAt + 16 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const random = pool.subarray(poolAt, (poolAt += 16));
  return v7({ msecs, random });
}

/** The zone's offset from UTC at `t`, in ms (Asia/Shanghai: +8 h). */
export function zoneOffset(timeZone: string, t: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(t / 1000) * 1000;
}

// ---- who acts ----

type Role = 'staff' | 'technician' | 'dispatcher' | 'assets' | 'stores' | 'admin';
/** 285 accounts: ward and office staff who report and confirm, the trades, the office. */
const ROLE_SIZES: Record<Role, number> = {
  staff: 220,
  technician: 40,
  dispatcher: 8,
  assets: 8,
  stores: 6,
  admin: 3,
};
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰'];
type Account = { id: string; name: string; ip: string; joined: number };

function accounts(r: () => number, start: number, now: number) {
  const byRole = {} as Record<Role, number[]>;
  const all: Account[] = [];
  for (const role of Object.keys(ROLE_SIZES) as Role[]) {
    byRole[role] = [];
    for (let i = 0; i < ROLE_SIZES[role]; i++) {
      const n = all.length;
      // Most accounts exist from the first month; the rest joined over the years
      // (the first of each role always from the start).
      const joined =
        i === 0 || r() < 0.6 ? start + r() * 30 * DAY : start + r() * (now - start - 60 * DAY);
      const name =
        SURNAMES[n % SURNAMES.length]! +
        GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]! +
        (n % 3 === 0 ? GIVEN[(n * 7) % GIVEN.length]! : '');
      byRole[role].push(all.length);
      all.push({
        id: idAt(Math.floor(joined)),
        name,
        ip: `10.${20 + (n % 4)}.${1 + ((n * 37) % 250)}.${10 + ((n * 101) % 240)}`,
        joined,
      });
    }
  }
  let when = 0;
  const draw = {} as Record<Role, () => number>;
  for (const role of Object.keys(byRole) as Role[]) {
    const ids = byRole[role];
    const pick = picker(r, ids, zipf(ids.length));
    // An account acts only once it exists: a few redraws, then the role's first.
    draw[role] = () => {
      for (let k = 0; k < 6; k++) {
        const a = pick();
        if (all[a]!.joined <= when) return a;
      }
      return ids[0]!;
    };
  }
  const actor = (role: Role, t: number) => {
    when = t;
    return draw[role]();
  };
  return { all, actor };
}

// ---- what happens ----

/** How a row names its record: its story's own, the acting account, the organisation, the backup. */
type EntityOf = 'own' | 'actor' | 'org' | 'backup';
type Kind = {
  type: string;
  action: string;
  entity: EntityOf;
  /** Row → before and after JSON text; `e` is the story, `x` a small per-row number. */
  json: (e: number, x: number) => [string | null, string | null];
  /** For a story whose first row is an edit: how long before it the record was made. */
  bornBefore?: number;
};

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
  '柜门合页脱落',
  '窗户关不严',
  '暖气片漏水',
];
const PRIORITIES = ['urgent', 'high', 'normal', 'normal', 'normal', 'normal', 'normal', 'low'];
const ASSET_NAMES = ['办公桌', '文件柜', '台式计算机', '病床', '监护仪', '输液泵', '打印机'];
const OPERATION_KINDS = ['transfer', 'requisition', 'return', 'repair', 'idle', 'disposal'];
const ITEMS = ['A4 复印纸', '灯管 T8', '水龙头', '门锁', '电池 5 号', '垃圾袋'];
const j = (v: unknown) => JSON.stringify(v);
const status = (from: string | null, to: string, extra: object = {}) =>
  [from === null ? null : j({ status: from }), j({ status: to, ...extra })] as [
    string | null,
    string | null,
  ];
const none = (): [null, null] => [null, null];

/** A row about the story's own record. */
const kind = (type: string, action: string, json: Kind['json'], bornBefore?: number): Kind => ({
  type,
  action,
  entity: 'own',
  json,
  ...(bornBefore === undefined ? {} : { bornBefore }),
});
/** A work order's step: its status before and after, as transition-work-order.ts records. */
const step = (
  action: string,
  from: string,
  to: string,
  extra: (x: number) => object = () => ({}),
) => kind('work_order', action, (_e, x) => status(from, to, extra(x)));
const sla = (action: string, due: (e: number) => string) =>
  kind('work_order', action, (e) => [null, j({ dueAt: due(e) })]);
const YEAR = 365 * DAY;
const asset = (e: number) => ASSET_NAMES[e % ASSET_NAMES.length];
const item = (e: number) => ITEMS[e % ITEMS.length];

const KINDS = {
  woCreate: kind('work_order', 'create', (e, x) => [
    null,
    j({
      status: 'submitted',
      priority: PRIORITIES[x % PRIORITIES.length],
      description: DESCRIPTIONS[e % DESCRIPTIONS.length],
    }),
  ]),
  woAssign: step('assign', 'submitted', 'assigned', (x) => ({ teamQueue: x % 10 === 0 })),
  woAccept: step('accept', 'assigned', 'accepted'),
  woStart: step('start', 'accepted', 'in_progress'),
  woPause: step('pause', 'in_progress', 'paused', () => ({ note: '等配件' })),
  woResume: step('resume', 'paused', 'in_progress'),
  woComplete: step('complete', 'in_progress', 'completed', (x) => ({ labourMinutes: 15 + x })),
  woConfirm: step('confirm', 'completed', 'closed'),
  woAutoConfirm: step('auto_confirm', 'completed', 'closed'),
  woReopen: step('reopen', 'completed', 'in_progress', () => ({ note: '仍然漏水' })),
  woCancel: step('cancel', 'submitted', 'cancelled', () => ({ note: '已自行处理' })),
  woRate: kind('work_order', 'rate', (_e, x) => [null, j({ rating: 1 + (x % 5) })]),
  woCallback: kind('work_order', 'callback', () => [null, j({ satisfied: true })]),
  woWarnResponse: sla('sla_warn_response', (e) => `+${30 + (e % 30)}min`),
  woBreachResponse: sla('sla_breach_response', (e) => `+${30 + (e % 30)}min`),
  woBreachCompletion: sla('sla_breach_completion', (e) => `+${4 + (e % 20)}h`),
  login: { type: 'user', action: 'login', entity: 'actor', json: none },
  logout: { type: 'user', action: 'logout', entity: 'actor', json: none },
  assetCreate: kind('asset', 'create', (e) => [null, j({ name: asset(e), status: 'in_use' })]),
  assetUpdate: kind(
    'asset',
    'update',
    (e) => [j({ model: `M-${e % 97}` }), j({ model: `M-${(e % 97) + 1}` })],
    3 * YEAR,
  ),
  assetDelete: kind('asset', 'delete', (e) => [j({ name: asset(e) }), null], 30 * DAY),
  opCreate: kind('asset_operation', 'create', (e, x) => [
    null,
    j({ kind: OPERATION_KINDS[e % OPERATION_KINDS.length], lines: 1 + (x % 12) }),
  ]),
  opApprove: kind('asset_operation', 'approve', () => status('pending_approval', 'approved')),
  opConfirm: kind('asset_operation', 'confirm', () => status('pending_receipt', 'done')),
  opCancel: kind('asset_operation', 'cancel', () => status('pending_approval', 'cancelled')),
  stockIn: kind('stock_document', 'create_stock_in', (e, x) => [
    null,
    j({ item: item(e), quantity: 10 + x, status: 'done' }),
  ]),
  stockRequisition: kind('stock_document', 'create_requisition', (e, x) => [
    null,
    j({ item: item(e), quantity: 1 + (x % 20), status: 'pending_approval' }),
  ]),
  stockApprove: kind('stock_document', 'approve_requisition', () =>
    status('pending_approval', 'done'),
  ),
  stockWorkOrder: kind('stock_document', 'create_work_order', (e, x) => [
    null,
    j({ item: item(e), quantity: 1 + (x % 3), status: 'done' }),
  ]),
  personCreate: kind('person', 'create', (e) => [null, j({ employeeNo: `E${100000 + e}` })]),
  personUpdate: kind(
    'person',
    'update',
    (e) => [j({ phone: `1380000${e % 10000}` }), j({ phone: `1390000${e % 10000}` })],
    4 * YEAR,
  ),
  locationCreate: kind('location', 'create', (e) => [null, j({ type: 'room', code: `R-${e}` })]),
  locationUpdate: kind(
    'location',
    'update',
    (e) => [j({ name: `${e % 900}室` }), j({ name: `${(e % 900) + 1}室` })],
    5 * YEAR,
  ),
  locationQr: kind('location', 'regenerate_qr', none, 5 * YEAR),
  departmentCreate: kind('department', 'create', (e) => [null, j({ code: `D${e % 1000}` })]),
  departmentUpdate: kind(
    'department',
    'update',
    (e) => [j({ active: true }), j({ active: e % 5 !== 0 })],
    6 * YEAR,
  ),
  categoryUpdate: kind('maintenance_category', 'update', () => [null, j({ sort: 3 })], 6 * YEAR),
  teamMembers: kind(
    'maintenance_team',
    'update_members',
    (_e, x) => [null, j({ members: 3 + (x % 5) })],
    6 * YEAR,
  ),
  userCreate: kind('user', 'create', () => [null, j({ mustChangePassword: true })]),
  userGrant: kind('user', 'grant', () => [null, j({ role: 'staff' })], 2 * YEAR),
  userReset: kind('user', 'reset_password', none, 2 * YEAR),
  stockItemCreate: kind('stock_item', 'create', (e) => [null, j({ name: item(e) })]),
  organizationUpdate: {
    type: 'organization',
    action: 'update',
    entity: 'org',
    json: () => [j({ timezone: 'Asia/Shanghai' }), j({ timezone: 'Asia/Shanghai', sla: true })],
  },
  downloadBackup: {
    type: 'system',
    action: 'download_backup',
    entity: 'backup',
    json: (e) => [null, j({ file: `houqin-${e}.tar.gz` })],
  },
} satisfies Record<string, Kind>;
type KindName = keyof typeof KINDS;
const KIND_NAMES = Object.keys(KINDS) as KindName[];
const KIND_LIST: Kind[] = KIND_NAMES.map((k) => KINDS[k]);
const K = Object.fromEntries(KIND_NAMES.map((k, i) => [k, i])) as Record<KindName, number>;
/** The system (jobs): no account, no request, no address. */
const SYSTEM = -1;

type Emit = (offset: number, kind: number, actor: number, x?: number) => void;
type Story = {
  weight: number;
  /** Whether its rows name a site (sign-ins and settings do not). */
  site: boolean;
  /** Emits the story's rows at offsets from its start (rows past `now` are dropped). */
  play(emit: Emit, r: () => number, actor: (role: Role) => number): void;
};

const exp = (r: () => number, mean: number) => -Math.log(1 - r()) * mean;
/** Who signs in, by cumulative share: mostly staff and the trades. */
const SIGN_IN_ROLES: [Role, number][] = [
  ['staff', 0.55],
  ['technician', 0.8],
  ['dispatcher', 0.9],
  ['assets', 0.97],
  ['stores', 1],
];

/** Story weights chosen so that ~65 % of the rows are work orders' and ~17 % sign-ins. */
const STORIES: Story[] = [
  {
    weight: 10,
    site: true,
    play(emit, r, actor) {
      const requester = r() < 0.85 ? actor('staff') : actor('dispatcher');
      const dispatcher = actor('dispatcher');
      const tech = actor('technician');
      const x = Math.floor(r() * 200);
      emit(0, K.woCreate, requester, x);
      if (r() < 0.02) return emit(exp(r, 40 * MINUTE), K.woCancel, requester);
      let t = exp(r, 15 * MINUTE);
      if (r() < 0.04) emit(25 * MINUTE, K.woWarnResponse, SYSTEM);
      if (r() < 0.015) emit(45 * MINUTE, K.woBreachResponse, SYSTEM);
      emit(t, K.woAssign, dispatcher, x);
      emit((t += exp(r, 10 * MINUTE)), K.woAccept, tech);
      emit((t += exp(r, 30 * MINUTE)), K.woStart, tech);
      if (r() < 0.04) {
        emit((t += exp(r, HOUR)), K.woPause, tech);
        emit((t += exp(r, DAY)), K.woResume, tech);
      }
      emit((t += exp(r, 2 * HOUR)), K.woComplete, tech, x);
      if (r() < 0.02) emit(t + 4 * HOUR, K.woBreachCompletion, SYSTEM);
      if (r() < 0.02) {
        emit((t += exp(r, DAY)), K.woReopen, requester);
        emit((t += exp(r, 3 * HOUR)), K.woComplete, tech, x);
      }
      const u = r();
      if (u < 0.7) {
        emit((t += exp(r, DAY)), K.woConfirm, requester);
        if (r() < 0.45) emit(t + exp(r, 10 * MINUTE), K.woRate, requester, x);
      } else emit((t += 3 * DAY), K.woAutoConfirm, SYSTEM);
      if (r() < 0.12) emit(t + exp(r, 2 * DAY), K.woCallback, dispatcher);
    },
  },
  {
    weight: 13,
    site: false,
    play(emit, r, actor) {
      const u = r();
      const who = actor(SIGN_IN_ROLES.find(([, upTo]) => u < upTo)![0]);
      emit(0, K.login, who);
      if (r() < 0.35) emit(exp(r, 3 * HOUR), K.logout, who);
    },
  },
  {
    weight: 3.5,
    site: true,
    play(emit, r, actor) {
      const u = r();
      emit(0, u < 0.45 ? K.assetCreate : u < 0.95 ? K.assetUpdate : K.assetDelete, actor('assets'));
    },
  },
  {
    weight: 2,
    site: true,
    play(emit, r, actor) {
      emit(0, K.opCreate, actor('assets'), Math.floor(r() * 200));
      if (r() < 0.05) return emit(exp(r, DAY), K.opCancel, actor('assets'));
      let t = 0;
      if (r() < 0.7) emit((t += exp(r, 4 * HOUR)), K.opApprove, actor('admin'));
      if (r() < 0.8) emit(t + exp(r, DAY), K.opConfirm, actor('staff'));
    },
  },
  {
    weight: 4,
    site: true,
    play(emit, r, actor) {
      const u = r();
      const x = Math.floor(r() * 200);
      if (u < 0.5) {
        emit(0, K.stockRequisition, actor('staff'), x);
        emit(exp(r, 3 * HOUR), K.stockApprove, actor('stores'));
      } else if (u < 0.85) emit(0, K.stockIn, actor('stores'), x);
      else emit(0, K.stockWorkOrder, actor('technician'), x);
    },
  },
  {
    weight: 1.5,
    site: false,
    play(emit, r, actor) {
      emit(0, r() < 0.3 ? K.personCreate : K.personUpdate, actor(r() < 0.7 ? 'assets' : 'admin'));
    },
  },
  {
    weight: 1,
    site: true,
    play(emit, r, actor) {
      const u = r();
      emit(
        0,
        u < 0.4 ? K.locationCreate : u < 0.95 ? K.locationUpdate : K.locationQr,
        actor('assets'),
      );
    },
  },
  {
    weight: 0.3,
    site: false,
    play(emit, r, actor) {
      emit(0, r() < 0.3 ? K.departmentCreate : K.departmentUpdate, actor('admin'));
    },
  },
  {
    weight: 0.8,
    site: false,
    play(emit, r, actor) {
      const misc = [
        K.categoryUpdate,
        K.teamMembers,
        K.userCreate,
        K.userGrant,
        K.userReset,
        K.stockItemCreate,
      ];
      emit(0, misc[Math.floor(r() * misc.length)]!, actor(r() < 0.5 ? 'admin' : 'dispatcher'));
    },
  },
];

/** Rows in columns (one typed array per field), so that 3,000,000 of them sort in a second. */
type Table = {
  n: number;
  at: Float64Array;
  kind: Uint8Array;
  story: Int32Array;
  actor: Int16Array;
  site: Int8Array;
  x: Uint8Array;
};

/**
 * `count` rows: the rare old ones, then stories until the count is reached.
 * A story's start: a day of the decade with density growing by half from
 * the first year to the last, weekends at 40 %, 80 % in working hours
 * (08:00–18:00 local) and the rest at any hour.
 */
function generate(count: number, start: number, now: number, timeZone: string, r: () => number) {
  const people = accounts(r, start, now);
  const tab: Table = {
    n: 0,
    at: new Float64Array(count),
    kind: new Uint8Array(count),
    story: new Int32Array(count),
    actor: new Int16Array(count),
    site: new Int8Array(count),
    x: new Uint8Array(count),
  };
  let story = 0;
  let storyStart = 0;
  let storySite = -1;
  const emit: Emit = (offset, kind, actor, x = 0) => {
    const at = Math.floor(storyStart + offset);
    if (at >= now || tab.n >= count) return;
    const i = tab.n++;
    tab.at[i] = at;
    tab.kind[i] = kind;
    tab.story[i] = story;
    tab.actor[i] = actor;
    tab.site[i] = storySite;
    tab.x[i] = x;
  };
  // The rare and old: the first settings, and backups downloaded in the early years.
  const admin = (t: number) => people.actor('admin', t);
  for (const days of [20, 90, 200]) {
    storyStart = start + days * DAY + 10 * HOUR;
    emit(0, K.organizationUpdate, admin(storyStart));
    story++;
  }
  for (const years of [1.2, 2.5, 3.1, 4.0, 4.6, 5.2]) {
    storyStart = start + years * 365 * DAY + 17 * HOUR;
    emit(0, K.downloadBackup, admin(storyStart));
    story++;
  }
  const offset = zoneOffset(timeZone, now);
  const firstDay = Math.floor((start + offset) / DAY);
  const days = Math.floor((now + offset) / DAY) - firstDay + 1;
  const storyOf = picker(
    r,
    STORIES,
    STORIES.map((s) => s.weight),
  );
  const site = picker(
    r,
    SITE_WEIGHTS.map((_, i) => i),
    SITE_WEIGHTS,
  );
  const when = (): number => {
    for (;;) {
      const day = firstDay + Math.floor(2 * (Math.sqrt(1 + 1.25 * r()) - 1) * days);
      const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
      if ((weekday === 0 || weekday === 6) && r() > 0.4) continue;
      const ms = r() < 0.8 ? (8 + 10 * r()) * HOUR : r() * DAY;
      const t = day * DAY - offset + ms;
      if (t >= start && t < now) return t;
    }
  };
  while (tab.n < count) {
    const s = storyOf();
    storyStart = when();
    storySite = s.site ? site() : -1;
    s.play(emit, r, (role) => people.actor(role, storyStart));
    story++;
  }
  return { tab, people: people.all, stories: story };
}

/** Row indexes in time order. */
function timeOrder(tab: Table): Uint32Array {
  const order = new Uint32Array(tab.n);
  for (let i = 0; i < tab.n; i++) order[i] = i;
  return order.sort((a, b) => tab.at[a]! - tab.at[b]! || a - b);
}

/** The account whose rows in the last 365 days are closest to 3,000 (the export's filter). */
function pickActor(tab: Table, people: Account[], now: number): AuditPicks['actor'] {
  const lastYear = new Int32Array(people.length);
  const total = new Int32Array(people.length);
  for (let i = 0; i < tab.n; i++) {
    const a = tab.actor[i]!;
    if (a < 0) continue;
    total[a]!++;
    if (tab.at[i]! >= now - 365 * DAY) lastYear[a]!++;
  }
  let best = 0;
  for (let a = 1; a < people.length; a++)
    if (Math.abs(lastYear[a]! - 3000) < Math.abs(lastYear[best]! - 3000)) best = a;
  return {
    id: people[best]!.id,
    name: people[best]!.name,
    lastYear: lastYear[best]!,
    total: total[best]!,
  };
}

/**
 * Writes `count` audit rows for the organisation over the ten years before
 * `now`, and moves the server's own set-up row to the decade's start.
 */
export async function loadAudit(
  h: Houqin,
  place: AuditPlace,
  count: number,
  now: number,
): Promise<Loaded> {
  const started = Date.now();
  const r = rng(20261125);
  const start = now - YEARS * 365.25 * DAY;
  const { tab, people, stories } = generate(count, start, now, place.timeZone, r);
  const order = timeOrder(tab);
  const storyIds: (string | undefined)[] = new Array(stories);
  const yearAgo = now - 365 * DAY;
  let workOrderStory = -1;
  let workOrderId = '';
  let workOrderRows = 0;
  let workOrderTotal = 0;
  let organizationRows = 1; // the set-up
  let backupRows = 0;
  const iso = (t: number) => new Date(t).toISOString();
  function* rows(): Generator<Value[]> {
    for (const i of order) {
      const at = tab.at[i]!;
      const kind = KIND_LIST[tab.kind[i]!]!;
      const a = tab.actor[i]!;
      const who = a === SYSTEM ? null : people[a]!;
      const s = tab.story[i]!;
      let entityId: string;
      if (kind.entity === 'own') {
        // A record first seen being edited was made some time before (spread by story).
        const born = at - (((s * 2654435761) % 1000) / 1000) * (kind.bornBefore ?? 0);
        entityId = storyIds[s] ??= idAt(Math.floor(Math.max(start, born)));
      } else if (kind.entity === 'actor') entityId = who!.id;
      else if (kind.entity === 'org') entityId = place.orgId;
      else entityId = 'backup';
      if (kind.type === 'work_order') {
        workOrderTotal++;
        if (workOrderStory < 0 && at >= yearAgo && kind.action === 'create') {
          workOrderStory = s;
          workOrderId = entityId;
        }
        if (s === workOrderStory) workOrderRows++;
      }
      if (kind.type === 'organization') organizationRows++;
      if (kind.action === 'download_backup') backupRows++;
      const [before, after] = kind.json(s, tab.x[i]!);
      const site = tab.site[i]!;
      yield [
        idAt(at),
        place.orgId,
        iso(at),
        who?.id ?? null,
        who?.name ?? '系统',
        kind.action,
        kind.type,
        entityId,
        site < 0 ? null : place.siteIds[site]!,
        before,
        after,
        who ? idAt(at) : null,
        who?.ip ?? null,
      ];
    }
  }
  const setup = { at: iso(start), id: idAt(Math.floor(start)) };
  if (h.databaseUrl) await loadPostgres(h.databaseUrl, place.orgId, setup, rows());
  else loadSqlite(path.join(h.dataDir, 'houqin.sqlite'), place.orgId, setup, rows());
  return {
    seconds: (Date.now() - started) / 1000,
    count: tab.n,
    workOrderShare: workOrderTotal / tab.n,
    picks: {
      actor: pickActor(tab, people, now),
      workOrder: { id: workOrderId, rows: workOrderRows },
      organizationRows,
      backupRows,
    },
  };
}

/** The set-up row, written by the server at start, belongs at the start of the decade. */
const MOVE_SETUP = `update audit_log set at = ?, id = ? where org_id = ? and action = 'setup'`;
const MOVE_SETUP_PG = `update audit_log set at = $1, id = $2 where org_id = $3 and action = 'setup'`;

function loadSqlite(
  file: string,
  orgId: string,
  setup: { at: string; id: string },
  rows: Iterable<Value[]>,
): void {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 10000');
    // This connection only: a big page cache for the load, and no fsync of the
    // gigabytes it writes (a crash mid-load means a new run; the server keeps its own settings).
    db.pragma('cache_size = -400000');
    db.pragma('synchronous = OFF');
    const insert = db.prepare(
      `insert into audit_log (${COLUMNS.map((c) => c[0]).join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
    );
    db.transaction(() => {
      db.prepare(MOVE_SETUP).run(setup.at, setup.id, orgId);
      for (const row of rows) insert.run(row);
    })();
    // Fold the load into the database file now rather than during the first measurement.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

async function loadPostgres(
  url: string,
  orgId: string,
  setup: { at: string; id: string },
  rows: Iterable<Value[]>,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(MOVE_SETUP_PG, [setup.at, setup.id, orgId]);
    // One array per column, unnested into rows: a batch is one statement and one round trip.
    const sql = `insert into audit_log (${COLUMNS.map((c) => c[0]).join(', ')})
      select * from unnest(${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})`;
    let columns: Value[][] = COLUMNS.map(() => []);
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) columns[i]!.push(row[i]!);
      if (columns[0]!.length >= PG_BATCH) {
        await client.query(sql, columns);
        columns = COLUMNS.map(() => []);
      }
    }
    if (columns[0]!.length) await client.query(sql, columns);
    await client.query('commit');
    // Statistics, as autovacuum would gather within a minute of such a load; and
    // its insert-triggered vacuum too (the visibility map that index-only
    // scans rely on), so the figures do not depend on when it runs.
    await client.query('vacuum analyze audit_log');
  } finally {
    await client.end();
  }
}
