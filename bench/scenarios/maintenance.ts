/**
 * The maintenance section: a million work orders in the database, then the
 * filtered list a dispatcher and an administrator open, the year's statistics
 * and reporting a fault, against issue 4's targets (list p95 < 20 ms, stats
 * < 300 ms, create ≥ 1,500/s on SQLite).
 */
import { counterBody, measure, type LoadOptions, type Measurement } from '../lib/autocannon.ts';
import { busyWarning, fmtMs, fmtRps, machineLine, p95Table } from '../lib/report.ts';
import type { BenchContext, Section } from '../lib/section.ts';
import { startHouqin, type DatabaseTarget } from '../lib/server.ts';
import { makeFixtures, type Fixtures } from './maintenance/fixtures.ts';
import { loadOrders } from './maintenance/load.ts';

/** BENCH_MAINTENANCE_ORDERS overrides it for a quick try; the doc's figures use the default. */
const ORDERS = Number(process.env.BENCH_MAINTENANCE_ORDERS ?? 1_000_000);
const WARMUP_SECONDS = 1;

type Row = { database: string; scenario: string; connections: number; m: Measurement };
/** One request timed on its own: the statistics before anything of them is kept. */
type Cold = { scenario: string; ms: number };
type Target = { scenario: string; what: string; ok: boolean };

/** The last full calendar year: about a tenth of the orders, as the annual summary asks. */
function lastYear(now: Date) {
  const y = now.getUTCFullYear() - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

function scenarios(base: string, admin: string, fx: Fixtures, now: Date) {
  const cat = (code: string) => fx.categories.find((c) => c.code === code)!.id;
  const site = fx.siteIds[0]!;
  // The dispatcher's board: new and assigned lamp repairs at the main campus.
  const board = `/api/maintenance/work-orders?status=submitted,assigned&categoryId=${cat('lighting')}&siteId=${site}&pageSize=20`;
  // History: closed lock repairs at the main campus (the count reaches its 10,000 cap).
  const history = `/api/maintenance/work-orders?status=closed&categoryId=${cat('lock')}&siteId=${site}&pageSize=20`;
  const year = lastYear(now);
  const stats = (groupBy: string) =>
    `/api/maintenance/stats?from=${year.from}&to=${year.to}&groupBy=${groupBy}`;
  const get = (url: string, cookie: string) => ({ url: base + url, headers: { cookie } });
  return {
    year,
    reads: [
      {
        scenario: 'list: dispatcher, open lamp repairs of one site',
        ...get(board, fx.cookies.dispatcher),
        connections: 1,
      },
      {
        scenario: 'list: admin, open lamp repairs of one site',
        ...get(board, admin),
        connections: 1,
      },
      {
        scenario: 'list: admin, closed lock repairs of one site (count capped)',
        ...get(history, admin),
        connections: 1,
      },
      {
        scenario: 'list: dispatcher, open lamp repairs, 20 clients',
        ...get(board, fx.cookies.dispatcher),
        connections: 20,
      },
      {
        scenario: `stats: ${year.from.slice(0, 4)} by category`,
        ...get(stats('category'), admin),
        connections: 1,
      },
      {
        scenario: `stats: ${year.from.slice(0, 4)} by month`,
        ...get(stats('month'), admin),
        connections: 1,
      },
    ] satisfies (Omit<LoadOptions, 'seconds'> & { scenario: string; connections: number })[],
    create: {
      scenario: 'create: staff reports a fault, 20 clients',
      url: `${base}/api/maintenance/work-orders`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', cookie: fx.cookies.staff, origin: base },
      connections: 20,
      setupRequest: counterBody((n) => ({
        locationId: fx.rooms[n % fx.rooms.length]!.id,
        categoryId: fx.categories[n % fx.categories.length]!.id,
        description: `压测报修 ${n}：灯管不亮`,
      })),
    },
  };
}

async function onDatabase(target: DatabaseTarget, ctx: BenchContext) {
  const h = await startHouqin(target);
  try {
    const rows: Row[] = [];
    ctx.log(`${h.engine}: organisation, places and accounts`);
    const fx = await makeFixtures(h);
    ctx.log(`${h.engine}: loading ${ORDERS.toLocaleString('en-US')} work orders`);
    const now = new Date();
    const loaded = await loadOrders(h, fx, ORDERS, now.getTime());
    ctx.log(`${h.engine}: loaded in ${loaded.seconds.toFixed(0)} s`);
    const s = scenarios(h.base, h.cookie, fx, now);
    const cold: Cold[] = [];
    // Reads first: the create run adds thousands of new open orders.
    for (const { scenario, ...opts } of [...s.reads, s.create]) {
      ctx.log(`${h.engine}: ${scenario}`);
      if (scenario.startsWith('stats:')) {
        // The statistics keep past months between requests: time the first one alone.
        const started = performance.now();
        const res = await fetch(opts.url, { headers: opts.headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${scenario}: HTTP ${res.status}`);
        cold.push({ scenario, ms: performance.now() - started });
      }
      const m = await measure({ seconds: ctx.seconds, warmupSeconds: WARMUP_SECONDS, ...opts });
      rows.push({ database: h.engine, scenario, connections: opts.connections, m });
    }
    return { rows, cold, loadSeconds: loaded.seconds, engine: h.engine, year: s.year };
  } finally {
    await h.stop();
  }
}

const int = new Intl.NumberFormat('en-US');

const table = (rows: Row[]) =>
  p95Table(rows, { head: 'clients', cell: (r) => String(r.connections) });

/** Issue 4's targets against one database's rows. */
function targets(rows: Row[]): Target[] {
  const find = (prefix: string) =>
    rows.filter((r) => r.scenario.startsWith(prefix) && r.connections === 1);
  const out: Target[] = [];
  for (const r of find('list:'))
    out.push({
      scenario: r.scenario,
      what: `p95 ${fmtMs(r.m.p95)} ms (target < 20)`,
      ok: r.m.p95 < 20,
    });
  for (const r of find('stats:'))
    out.push({
      scenario: r.scenario,
      what: `p95 ${fmtMs(r.m.p95)} ms (target < 300)`,
      ok: r.m.p95 < 300,
    });
  const create = rows.find((r) => r.scenario.startsWith('create:'));
  // The throughput target is SQLite's; on PostgreSQL the row is for comparison.
  if (create && create.database.startsWith('SQLite'))
    out.push({
      scenario: create.scenario,
      what: `${fmtRps(create.m.rps)} req/s (target ≥ 1,500), p99 ${fmtMs(create.m.p99)} ms`,
      ok: create.m.rps >= 1500,
    });
  return out;
}

export const maintenance: Section = {
  id: 'maintenance',
  async run(ctx) {
    const rows: Row[] = [];
    const summary: string[] = [];
    for (const target of ctx.databases) {
      const r = await onDatabase(target, ctx);
      rows.push(...r.rows);
      summary.push(
        `- **${r.engine}** (${int.format(ORDERS)} orders loaded in ${r.loadSeconds.toFixed(0)} s):`,
        ...targets(r.rows).map(
          (t) => `  - ${t.ok ? 'met' : '**missed**'}: ${t.scenario}: ${t.what}`,
        ),
        ...r.cold.map(
          (c) =>
            `  - first request, nothing kept yet: ${c.scenario}: ${fmtMs(c.ms)} ms (${c.ms < 300 ? 'within' : 'over'} 300)`,
        ),
      );
    }
    const md = table(rows);
    console.log(`\n${md}\n\n${summary.join('\n')}\n`);
    return [
      '## Maintenance: a million work orders',
      '',
      `_${machineLine(ctx.machine)}. autocannon, ${ctx.seconds} s per row after a ${WARMUP_SECONDS} s warm-up; ${int.format(ORDERS)} work orders over 10 years in the database._`,
      '',
      md,
      '',
      'Against the targets of issue 4:',
      '',
      ...summary,
      ...busyWarning(ctx.machine, 'the notes below give what the queries cost alone'),
      '',
      EXPLANATION,
    ].join('\n');
  },
};

const EXPLANATION = `**What is measured.** The real server on a fresh database, as in the
platform section. Through the API the run creates 4 sites (half of the orders
at the main one), 40 departments, 16 buildings with 400 rooms, 16 technicians,
24 staff accounts and a dispatcher of the main site; then it writes a million
work orders straight into the server's database (bench/scenarios/maintenance/,
in one transaction on SQLite, unnested arrays of 20,000 rows on PostgreSQL,
followed by \`VACUUM ANALYZE\` as autovacuum would do): ten years of reports
growing by half over the decade, mostly in working hours, with summary 3's
category mix, 5/15/70/10 % urgent/high/normal/low, real department,
requester, team and technician columns, response and completion minutes with
breach flags that agree with the due times, ratings on closed orders, 2 %
cancelled, and an open share that falls with age (all of the last two hours,
30 % of the last day, 6 % of the last week, 0.15 % of older ones stuck). The
indexes are the migrations' own. Events, audit and labour lines are not
loaded: neither the list nor the statistics read them.

- **list**: \`GET /api/maintenance/work-orders\` filtered by status, category
  and site, page 1 of 20 with the total (counted up to 10,000). The
  dispatcher holds the dispatcher role at the main site only, so the query
  also carries their visibility (that site, or orders they reported); the
  administrator sees every site. "Open" is the dispatcher's board
  (\`status=submitted,assigned\`, a few hundred matches), "closed" a history
  search whose count stops at the cap. One client: the time one person waits,
  which is what the 20 ms target is about; the 20-client row is the same query
  under load (2 cores: 20 waiting clients queue, so read its p95 as queueing).
- **stats**: \`GET /api/maintenance/stats\` for the last full calendar year
  (about 110,000 orders) by category and by month, all sites, as the
  administrator: totals, per-group figures with means and p90s, SLA
  compliance, satisfaction and repeat faults. One client.
- **create**: \`POST /api/maintenance/work-orders\` as a staff member, rotating
  over the rooms and categories: number, SLA due times, the order, its event,
  audit, the notification to the site's dispatchers and the duplicate check,
  in one transaction, then the detail it answers with. 20 clients. Run last,
  since it adds open orders.

**How to read it.** p95 is what 19 requests out of 20 beat. A "missed" line
says by how much; the notes below say why and what would fix it. The load
average shows how busy the machine was with other work: above 2 on 2 cores,
every figure includes waiting for a core.

**What was changed for these figures, and what is left.**

- *List*: without statistics SQLite's planner took the category index and
  read every lamp repair of ten years (~320,000 rows) to find the hundred
  open ones: 0.4–1 s per page. Migration 0008 adds \`mnt_wo_filter_ix\`
  (org, status, category, site, submitted_at), which both databases now seek
  straight into, and the capped count selects a constant so that a history
  search is counted from that index alone. PostgreSQL then spent 9 ms
  planning the page's nine joins for 1 ms of execution; the list and the
  detail now run with \`join_collapse_limit = 1\` for that read only
  (\`inWrittenJoinOrder\`): 0.6 ms of planning.
- *Stats*: the year's orders were fetched and aggregated in JavaScript
  (~1.3 s alone on this machine). They are aggregated in SQL (two grouped
  scans giving each group's counts and sums and the minute histograms from
  which the exact nearest-rank p90 follows, and one window function for
  repeat faults), with the same figures (stats.test.ts compares them with the
  in-memory definition). That still sorts ~110,000 rows on SQLite (~0.7 s of
  CPU for a year, measured alone), so the aggregation is now done month by
  month and each month's partial figures are kept in the server's memory
  with a fingerprint of that month's orders (count, sum of versions — every
  change bumps an order's version — and the breach flags the SLA job sets),
  read from the covering index \`mnt_wo_stats_ix\` of migration 0009. A
  request reads the fingerprints (an index range scan per month) and
  aggregates again only the months that changed: a past year costs the scan,
  the current year its current month. The figures are always the records' own
  (stats.test.ts checks warm answers against cold ones after a new order, a
  completion, a rating and a breach). The rows above are therefore the kept
  case; the "first request" lines give the cost after a start, when nothing
  is kept yet.
- *Create*: a report is 26 statements in one transaction (number, place,
  category, priority, SLA targets and calendar, requester, the order, its
  event, audit, dispatch rules, the site's dispatchers and their
  notifications), then the duplicate check and the detail it answers with.
  Measured in one process without HTTP, one client at a time: 2.8 ms per
  report (\`GET /api/me\`: 0.43 ms), of which 1.16 ms in SQLite — 0.67 ms of
  it the fsync of the commit (\`synchronous=FULL\`, the architecture's
  durability decision) — and ~15 % of the CPU in Kysely building SQL. 1,500
  reports per second means 0.66 ms each including HTTP: not reachable by
  trimming this path. It would take group commit (several requests'
  transactions sharing one fsync, each answered only after it), caches of
  the organisation's categories, priorities, SLA targets, calendar and
  dispatch rules valid across processes, and prepared statements instead of
  building SQL per request — together, and even then about 800/s.
  [ADR 0007](adr/0007-work-order-create-throughput.md) keeps a report one
  durable transaction and proposes restating the target.`;
