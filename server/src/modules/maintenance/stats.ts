import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { badRequest } from '../../platform/errors.ts';
import { getOrganization } from '../org/index.ts';
import { MaintP } from './policy.ts';
import { startOfLocalDay } from './sla-clock.ts';

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

function monthOf(months: { key: string; startIso: string }[], at: string): string {
  let lo = 0;
  let hi = months.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (months[mid]!.startIso <= at) lo = mid;
    else hi = mid - 1;
  }
  return months[lo]!.key;
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

/**
 * Figures of the orders submitted between two days (inclusive, in the
 * organisation's calendar) at the sites the user may read: totals, per
 * group, and repeat faults (the same room ≥ 3 times within 30 days). Counts
 * are of the records as they are — the annual summary quotes them.
 */
export async function workOrderStats(db: DbOrTx, actor: Actor, q: StatsQuery) {
  if (q.to < q.from)
    throw badRequest({ zh: '结束日期早于开始日期', en: 'The end is before the start' });
  const { timezone } = await getOrganization(db, actor.orgId);
  const fromIso = startOfLocalDay(timezone, q.from).toISOString();
  const toIso = startOfLocalDay(timezone, q.to, 1).toISOString();
  const scope = actor.access.siteScope(MaintP.read);
  let query = db
    .selectFrom('mnt_work_orders')
    .select([
      'site_id',
      'category_id',
      'department_id',
      'assignee_user_id',
      'status',
      'submitted_at',
      'response_minutes',
      'completion_minutes',
      'response_breached',
      'completion_breached',
      'rating',
    ])
    .where('org_id', '=', actor.orgId)
    .where('submitted_at', '>=', fromIso)
    .where('submitted_at', '<', toIso);
  if (scope !== 'all') query = query.where('site_id', 'in', scope.length ? scope : ['-']);
  if (q.siteId) query = query.where('site_id', '=', q.siteId);
  const rows = await query.execute();

  const months = q.groupBy === 'month' ? monthStarts(timezone, q.from, q.to) : [];
  const keyOf = (r: Row): string | null =>
    q.groupBy === 'month'
      ? monthOf(months, r.submitted_at)
      : q.groupBy === 'category'
        ? r.category_id
        : q.groupBy === 'site'
          ? r.site_id
          : q.groupBy === 'department'
            ? r.department_id
            : r.assignee_user_id;
  const groups = new Map<string | null, Row[]>();
  if (q.groupBy === 'month') for (const m of months) groups.set(m.key, []);
  for (const r of rows) {
    const k = keyOf(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const nameOf = await names(
    db,
    actor.orgId,
    q.groupBy,
    [...groups.keys()].filter((k): k is string => k !== null),
  );
  const byGroup = [...groups.entries()]
    .map(([key, list]) => ({
      key,
      name: key === null ? null : (nameOf.get(key) ?? key),
      ...figuresOf(list),
    }))
    .sort((a, b) =>
      q.groupBy === 'month' ? String(a.key).localeCompare(String(b.key)) : b.count - a.count,
    );
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    totals: figuresOf(rows),
    byGroup,
    repeatFaults: await repeatFaults(db, actor.orgId, fromIso, toIso, scope, q.siteId),
  };
}

/** Rooms (or assets) with 3 or more orders within any 30 days of the range. */
async function repeatFaults(
  db: DbOrTx,
  orgId: string,
  fromIso: string,
  toIso: string,
  scope: 'all' | readonly string[],
  siteId: string | undefined,
) {
  let q = db
    .selectFrom('mnt_work_orders as wo')
    .innerJoin('locations as l', 'l.id', 'wo.location_id')
    .select(['wo.location_id', 'l.name', 'wo.submitted_at'])
    .where('wo.org_id', '=', orgId)
    .where('wo.submitted_at', '>=', fromIso)
    .where('wo.submitted_at', '<', toIso)
    .where('wo.status', '!=', 'cancelled')
    .where('wo.location_id', 'in', (eb) =>
      eb
        .selectFrom('mnt_work_orders')
        .select('location_id')
        .where('org_id', '=', orgId)
        .where('submitted_at', '>=', fromIso)
        .where('submitted_at', '<', toIso)
        .where('status', '!=', 'cancelled')
        .where('location_id', 'is not', null)
        .groupBy('location_id')
        .having((h) => h.fn.countAll(), '>=', 3),
    )
    .orderBy('wo.location_id')
    .orderBy('wo.submitted_at');
  if (scope !== 'all') q = q.where('wo.site_id', 'in', scope.length ? scope : ['-']);
  if (siteId) q = q.where('wo.site_id', '=', siteId);
  const rows = await q.execute();
  const WINDOW = 30 * 86_400_000;
  const out: { locationId: string; name: string; count: number; windowStart: string }[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j]!.location_id === rows[i]!.location_id) j++;
    const times = rows.slice(i, j).map((r) => Date.parse(r.submitted_at));
    let best = 0;
    let bestStart = 0;
    for (let a = 0, b = 0; b < times.length; b++) {
      while (times[b]! - times[a]! > WINDOW) a++;
      if (b - a + 1 > best) {
        best = b - a + 1;
        bestStart = a;
      }
    }
    if (best >= 3)
      out.push({
        locationId: rows[i]!.location_id!,
        name: rows[i]!.name,
        count: best,
        windowStart: new Date(times[bestStart]!).toISOString(),
      });
    i = j;
  }
  return out.sort((a, b) => b.count - a.count).slice(0, 50);
}
