import type { Actor } from '../../platform/context.ts';
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { dialectOf } from '../../platform/db/dialect.ts';
import { badRequest } from '../../platform/errors.ts';
import { getOrganization } from '../org/index.ts';
import { MaintP } from './policy.ts';
import { startOfLocalDay } from './sla-clock.ts';
import {
  BoundedCache,
  EMPTY,
  fingerprints,
  monthChunks,
  type Chunk,
  type OrdersInRange,
} from './stats-cache.ts';

export const GROUPS = ['category', 'month', 'site', 'department', 'technician'] as const;
export type GroupBy = (typeof GROUPS)[number];

type Row = {
  site_id: string;
  category_id: string;
  department_id: string | null;
  assignee_user_id: string | null;
  status: string;
  submitted_at: string;
  response_minutes: number | null;
  completion_minutes: number | null;
  response_breached: number;
  completion_breached: number;
  rating: number | null;
};

export type Figures = {
  count: number;
  completed: number;
  cancelled: number;
  open: number;
  responseMeanMinutes: number | null;
  responseP90Minutes: number | null;
  completionMeanMinutes: number | null;
  completionP90Minutes: number | null;
  /** Share of completed orders that met both targets (0–1). */
  slaCompliance: number | null;
  ratingMean: number | null;
  ratingCount: number;
  /** Share of ratings of 4 or 5. */
  satisfiedShare: number | null;
};

const DONE = new Set(['completed', 'confirmed', 'closed']);
const OPEN = new Set(['submitted', 'assigned', 'accepted', 'in_progress', 'paused']);

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The 90th percentile, nearest-rank (the value 90 % of orders did not exceed). */
export function p90(xs: number[]): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1]!;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : null);

/**
 * The figures of a list of orders, computed in memory: the definition the
 * SQL aggregation below must match exactly (stats.test.ts compares them).
 */
export function figuresOf(rows: Row[]): Figures {
  const done = rows.filter((r) => DONE.has(r.status));
  const response = rows.flatMap((r) => (r.response_minutes === null ? [] : [r.response_minutes]));
  const completion = done.flatMap((r) =>
    r.completion_minutes === null ? [] : [r.completion_minutes],
  );
  const ratings = rows.flatMap((r) => (r.rating === null ? [] : [r.rating]));
  const met = done.filter((r) => !r.response_breached && !r.completion_breached).length;
  return {
    count: rows.length,
    completed: done.length,
    cancelled: rows.filter((r) => r.status === 'cancelled').length,
    open: rows.filter((r) => OPEN.has(r.status)).length,
    responseMeanMinutes: round1(mean(response)),
    responseP90Minutes: p90(response),
    completionMeanMinutes: round1(mean(completion)),
    completionP90Minutes: p90(completion),
    slaCompliance: share(met, done.length),
    ratingMean: round1(mean(ratings)),
    ratingCount: ratings.length,
    satisfiedShare: share(ratings.filter((r) => r >= 4).length, ratings.length),
  };
}

/** `YYYY-MM` of each month start in the range, with its instant, for bucketing by binary search. */
function monthStarts(timeZone: string, from: string, to: string) {
  const out: { key: string; startIso: string }[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, startIso: startOfLocalDay(timeZone, `${key}-01`).toISOString() });
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

async function names(db: DbOrTx, orgId: string, groupBy: GroupBy, ids: string[]) {
  if (!ids.length || groupBy === 'month') return new Map<string, string>();
  const table = {
    category: 'mnt_categories',
    site: 'sites',
    department: 'departments',
    technician: 'users',
  } as const;
  const nameColumn = groupBy === 'technician' ? 'display_name' : 'name';
  const rows = await db
    .selectFrom(table[groupBy])
    .select(['id', `${nameColumn} as name` as 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}

export type StatsQuery = {
  from: string;
  to: string;
  siteId?: string | undefined;
  groupBy: GroupBy;
};

/** Counts and sums of one group, added up over its response-minute buckets. */
type Sums = {
  count: number;
  done: number;
  cancelled: number;
  open: number;
  met: number;
  ratingSum: number;
  ratingCount: number;
  satisfied: number;
  /** First order of the group (for a stable order among equal counts). */
  first: string;
};

/** value → how many orders had it. */
type Histogram = Map<number, number>;

function addTo(h: Histogram, value: number, n: number) {
  h.set(value, (h.get(value) ?? 0) + n);
}

/** Nearest-rank 90th percentile of a histogram: the same value p90() picks from the list. */
function histogramP90(h: Histogram): number | null {
  let total = 0;
  for (const n of h.values()) total += n;
  if (!total) return null;
  const rank = Math.ceil(0.9 * total);
  let seen = 0;
  for (const value of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(value)!;
    if (seen >= rank) return value;
  }
  return null;
}

const histogramMean = (h: Histogram) => {
  let sum = 0;
  let n = 0;
  for (const [value, count] of h) {
    sum += value * count;
    n += count;
  }
  return n ? sum / n : null;
};

function figuresFrom(s: Sums | undefined, response: Histogram, completion: Histogram): Figures {
  const z = s ?? {
    count: 0,
    done: 0,
    cancelled: 0,
    open: 0,
    met: 0,
    ratingSum: 0,
    ratingCount: 0,
    satisfied: 0,
  };
  return {
    count: z.count,
    completed: z.done,
    cancelled: z.cancelled,
    open: z.open,
    responseMeanMinutes: round1(histogramMean(response)),
    responseP90Minutes: histogramP90(response),
    completionMeanMinutes: round1(histogramMean(completion)),
    completionP90Minutes: histogramP90(completion),
    slaCompliance: share(z.met, z.done),
    ratingMean: round1(z.ratingCount ? z.ratingSum / z.ratingCount : null),
    ratingCount: z.ratingCount,
    satisfiedShare: share(z.satisfied, z.ratingCount),
  };
}

const inList = (xs: Iterable<string>) => sql.join([...xs].map((x) => sql.lit(x)));
const DONE_SQL = sql`status in (${inList(DONE)})`;

/**
 * The group of each order as SQL: a column, or for months a CASE over the
 * month starts in the organisation's zone (the same instants on both
 * databases, which share no time-zone functions).
 */
function groupKey(
  dialect: 'sqlite' | 'postgres',
  groupBy: GroupBy,
  months: { key: string; startIso: string }[],
): RawBuilder<string | null> {
  if (groupBy !== 'month') {
    const column = {
      category: 'category_id',
      site: 'site_id',
      department: 'department_id',
      technician: 'assignee_user_id',
    }[groupBy];
    // `+column` on SQLite: an expression, so that the planner does not walk a
    // whole index in that column's order to save sorting the year's groups.
    return dialect === 'postgres'
      ? sql<string | null>`${sql.ref(column)}`
      : sql<string | null>`+${sql.ref(column)}`;
  }
  if (months.length === 1) return sql<string>`${months[0]!.key}`;
  const whens = months
    .slice(1)
    .map((m, i) => sql`when submitted_at < ${m.startIso} then ${months[i]!.key}`);
  return sql<string>`case ${sql.join(whens, sql` `)} else ${months.at(-1)!.key} end`;
}

type ResponseRow = {
  grp: string | null;
  value: number | null;
  n: number;
  done: number;
  cancelled: number;
  open: number;
  met: number;
  rating_sum: number | null;
  rating_count: number;
  satisfied: number;
  first: string;
};
type CompletionRow = { grp: string | null; value: number | null; n: number };
type Partial = { byResponse: ResponseRow[]; byCompletion: CompletionRow[] };

const scopeKeyOf = (scope: 'all' | readonly string[]) =>
  scope === 'all' ? 'all' : [...scope].sort().join(',');

/** Month partials kept between requests: about 50 MB at most (rows of ~100 bytes). */
const partials = new BoundedCache<Partial>(500_000);

/** Forgets every kept month (tests that compare a cold and a warm answer). */
export function clearStatsCache(): void {
  partials.clear();
  repeated.clear();
}

/**
 * Two grouped scans of one range: each group's counts and sums by response
 * minute, and its completion-minute histogram.
 */
async function aggregateRange(
  key: RawBuilder<string | null>,
  orders: OrdersInRange,
): Promise<Partial> {
  const sum = (cond: RawBuilder<unknown>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;
  const [byResponse, byCompletion] = await Promise.all([
    orders
      .select([
        key.as('grp'),
        'response_minutes as value',
        sql<number>`count(*)`.as('n'),
        sum(DONE_SQL).as('done'),
        sum(sql`status = 'cancelled'`).as('cancelled'),
        sum(sql`status in (${inList(OPEN)})`).as('open'),
        sum(sql`${DONE_SQL} and response_breached = 0 and completion_breached = 0`).as('met'),
        sql<number | null>`sum(rating)`.as('rating_sum'),
        sql<number>`count(rating)`.as('rating_count'),
        sum(sql`rating >= 4`).as('satisfied'),
        sql<string>`min(submitted_at)`.as('first'),
      ])
      .groupBy([sql.ref('grp'), 'response_minutes'])
      .execute(),
    orders
      .select([key.as('grp'), 'completion_minutes as value', sql<number>`count(*)`.as('n')])
      .where(DONE_SQL as never)
      .where('completion_minutes', 'is not', null)
      .groupBy([sql.ref('grp'), 'completion_minutes'])
      .execute(),
  ]);
  return { byResponse, byCompletion };
}

/**
 * The grouped rows of the whole range, month by month: months whose orders
 * are unchanged since they were last aggregated come from the cache
 * (stats-cache.ts), the others are aggregated now.
 */
async function aggregates(
  groupBy: GroupBy,
  key: RawBuilder<string | null>,
  inRange: (from: string, to: string) => OrdersInRange,
  where: {
    orgId: string;
    scope: 'all' | readonly string[];
    siteId: string | undefined;
    chunks: Chunk[];
  },
): Promise<Partial & { fingerprint: string }> {
  const { chunks } = where;
  const prints = await fingerprints(chunks, inRange);
  const scopeKey = scopeKeyOf(where.scope);
  const out = {
    byResponse: [] as ResponseRow[],
    byCompletion: [] as CompletionRow[],
    fingerprint: prints.join(';'),
  };
  for (const [i, chunk] of chunks.entries()) {
    const cacheKey = [
      where.orgId,
      scopeKey,
      where.siteId ?? '',
      groupBy,
      chunk.start,
      chunk.end,
    ].join('|');
    let part = partials.get(cacheKey, prints[i]!);
    if (!part) {
      part =
        prints[i] === EMPTY
          ? { byResponse: [], byCompletion: [] }
          : await aggregateRange(key, inRange(chunk.start, chunk.end));
      partials.set(
        cacheKey,
        prints[i]!,
        part,
        part.byResponse.length + part.byCompletion.length + 1,
      );
    }
    out.byResponse.push(...part.byResponse);
    out.byCompletion.push(...part.byCompletion);
  }
  return out;
}

/**
 * Figures of the orders submitted between two days (inclusive, in the
 * organisation's calendar) at the sites the user may read: totals, per
 * group, and repeat faults (the same room ≥ 3 times within 30 days). Counts
 * are of the records as they are — the annual summary quotes them.
 *
 * Aggregated in the database (a year is ~100,000 orders at a large
 * hospital): two grouped scans give each group's counts and sums and the
 * histograms of response and completion minutes, from which the exact
 * nearest-rank p90 follows; totals add the groups up.
 */
export async function workOrderStats(db: DbOrTx, actor: Actor, q: StatsQuery) {
  if (q.to < q.from)
    throw badRequest({ zh: '结束日期早于开始日期', en: 'The end is before the start' });
  const { timezone } = await getOrganization(db, actor.orgId);
  const fromIso = startOfLocalDay(timezone, q.from).toISOString();
  const toIso = startOfLocalDay(timezone, q.to, 1).toISOString();
  const scope = actor.access.siteScope(MaintP.read);
  const months = q.groupBy === 'month' ? monthStarts(timezone, q.from, q.to) : [];
  const key = groupKey(dialectOf(db), q.groupBy, months);
  const inRange = (from: string, to: string): OrdersInRange => {
    let query = db
      .selectFrom('mnt_work_orders')
      .where('org_id', '=', actor.orgId)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to);
    if (scope !== 'all') query = query.where('site_id', 'in', scope.length ? scope : ['-']);
    if (q.siteId) query = query.where('site_id', '=', q.siteId);
    return query;
  };
  const { byResponse, byCompletion, fingerprint } = await aggregates(q.groupBy, key, inRange, {
    orgId: actor.orgId,
    scope,
    siteId: q.siteId,
    chunks: monthChunks(
      monthStarts(timezone, q.from, q.to).map((m) => m.startIso),
      fromIso,
      toIso,
    ),
  });

  const sums = new Map<string | null, Sums>();
  const response = new Map<string | null, Histogram>();
  const completion = new Map<string | null, Histogram>();
  const histogram = (m: Map<string | null, Histogram>, k: string | null) => {
    let h = m.get(k);
    if (!h) m.set(k, (h = new Map()));
    return h;
  };
  const allResponse: Histogram = new Map();
  const allCompletion: Histogram = new Map();
  const zero = (first: string): Sums => ({
    count: 0,
    done: 0,
    cancelled: 0,
    open: 0,
    met: 0,
    ratingSum: 0,
    ratingCount: 0,
    satisfied: 0,
    first,
  });
  const total = zero('');
  for (const r of byResponse) {
    const k = r.grp;
    const s = sums.get(k) ?? zero(r.first);
    const add = {
      count: Number(r.n),
      done: Number(r.done),
      cancelled: Number(r.cancelled),
      open: Number(r.open),
      met: Number(r.met),
      ratingSum: Number(r.rating_sum ?? 0),
      ratingCount: Number(r.rating_count),
      satisfied: Number(r.satisfied),
    };
    for (const target of [s, total])
      for (const f of Object.keys(add) as (keyof typeof add)[]) target[f] += add[f];
    if (r.first < s.first) s.first = r.first;
    sums.set(k, s);
    if (r.value !== null) {
      addTo(histogram(response, k), Number(r.value), add.count);
      addTo(allResponse, Number(r.value), add.count);
    }
  }
  for (const r of byCompletion) {
    if (r.value === null) continue;
    addTo(histogram(completion, r.grp), Number(r.value), Number(r.n));
    addTo(allCompletion, Number(r.value), Number(r.n));
  }

  const keys: (string | null)[] =
    q.groupBy === 'month' ? months.map((m) => m.key) : [...sums.keys()];
  const nameOf = await names(
    db,
    actor.orgId,
    q.groupBy,
    keys.filter((k): k is string => k !== null),
  );
  const empty: Histogram = new Map();
  const byGroup = keys
    .map((k) => ({
      key: k,
      name: k === null ? null : (nameOf.get(k) ?? k),
      first: sums.get(k)?.first ?? '',
      ...figuresFrom(sums.get(k), response.get(k) ?? empty, completion.get(k) ?? empty),
    }))
    .sort((a, b) =>
      q.groupBy === 'month'
        ? String(a.key).localeCompare(String(b.key))
        : b.count - a.count || a.first.localeCompare(b.first),
    )
    .map(({ first: _first, ...group }) => group);
  const range: Range = [db, actor.orgId, fromIso, toIso, scope, q.siteId, fingerprint];
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    totals: figuresFrom(total, allResponse, allCompletion),
    byGroup,
    repeatFaults: await repeatFaults(...range),
    repeatAssets: await repeatAssets(...range),
  };
}

const WINDOW_MS = 30 * 86_400_000;
/** Above any count of orders in a window times… and any instant in ms: packs (count, start) in one integer. */
const PACK = 10_000_000_000_000;

/**
 * Rooms or assets with 3 or more orders within any 30 days of the range:
 * for each order, the orders of its room (asset) in the 30 days from it (a
 * window function); per room the largest such count and the earliest order
 * that starts one (the max of count·PACK − start). Only the rooms come back,
 * not the year's orders.
 */
async function repeatedKeys(
  db: DbOrTx,
  orgId: string,
  fromIso: string,
  toIso: string,
  scope: 'all' | readonly string[],
  siteId: string | undefined,
  fingerprint: string,
  column: 'location_id' | 'asset_ref',
): Promise<RepeatedKey[]> {
  const cacheKey = [orgId, scopeKeyOf(scope), siteId ?? '', fromIso, toIso, column].join('|');
  const kept = repeated.get(cacheKey, fingerprint);
  if (kept) return kept;
  const pg = dialectOf(db) === 'postgres';
  // Whole milliseconds since 1970, exact, so that "within 30 days" is too.
  const ms = pg
    ? sql<number>`cast(extract(epoch from submitted_at) * 1000 as bigint)`
    : sql<number>`cast(round((julianday(submitted_at) - 2440587.5) * 86400000) as integer)`;
  const frame = pg
    ? sql`order by submitted_at range between current row and interval '30 days' following`
    : sql`order by ${ms} range between current row and ${sql.lit(WINDOW_MS)} following`;
  let orders = db
    .selectFrom('mnt_work_orders')
    .select([
      sql<string>`${sql.ref(column)}`.as('k'),
      ms.as('ms'),
      sql<number>`count(*) over (partition by ${sql.ref(column)} ${frame})`.as('c'),
    ])
    .where('org_id', '=', orgId)
    .where('submitted_at', '>=', fromIso)
    .where('submitted_at', '<', toIso)
    .where('status', '!=', 'cancelled')
    .where(column, 'is not', null);
  if (scope !== 'all') orders = orders.where('site_id', 'in', scope.length ? scope : ['-']);
  if (siteId) orders = orders.where('site_id', '=', siteId);
  const groups = await db
    .selectFrom(orders.as('o'))
    .select([
      'o.k',
      sql<number>`max(o.c)`.as('count'),
      sql<number>`max(o.c) * ${sql.lit(PACK)} - max(o.c * ${sql.lit(PACK)} - o.ms)`.as('start'),
    ])
    .groupBy('o.k')
    .having(sql`max(o.c)`, '>=', 3)
    .execute();
  const top = groups
    .map((r) => ({ key: r.k, count: Number(r.count), start: Number(r.start) }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, 50);
  repeated.set(cacheKey, fingerprint, top, top.length + 1);
  return top;
}

type RepeatedKey = { key: string; count: number; start: number };
/** The top repeat faults of a range, kept like the month partials (by the range's fingerprint). */
const repeated = new BoundedCache<RepeatedKey[]>(50_000);

type Range = [
  db: DbOrTx,
  orgId: string,
  fromIso: string,
  toIso: string,
  scope: 'all' | readonly string[],
  siteId: string | undefined,
  fingerprint: string,
];

/** Rooms with 3 or more orders within 30 days, named. */
async function repeatFaults(...range: Range) {
  const top = await repeatedKeys(...range, 'location_id');
  const [db, orgId] = range;
  const names = top.length
    ? await db
        .selectFrom('locations')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where(
          'id',
          'in',
          top.map((r) => r.key),
        )
        .execute()
    : [];
  const nameOf = new Map(names.map((l) => [l.id, l.name]));
  return top
    .filter((r) => nameOf.has(r.key))
    .map((r) => ({
      locationId: r.key,
      name: nameOf.get(r.key)!,
      count: r.count,
      windowStart: new Date(r.start).toISOString(),
    }));
}

/** Assets (by the tag on the order) with 3 or more orders within 30 days. */
async function repeatAssets(...range: Range) {
  const top = await repeatedKeys(...range, 'asset_ref');
  return top.map((r) => ({
    assetRef: r.key,
    count: r.count,
    windowStart: new Date(r.start).toISOString(),
  }));
}
