/**
 * The assets section: importing a campus's register of 100,000 cards from
 * .xlsx, the filtered register list with a million cards in the database, the
 * variance report of a stock-take over 100,000 cards, and the register on
 * last year's end, against issue 5's targets (import < 15 s, list p95 <
 * 20 ms, variance < 1 s; the report is given 1 s too).
 */
import { measure, type LoadOptions, type Measurement } from '../lib/autocannon.ts';
import { busyWarning, fmtMs, machineLine, p95Table } from '../lib/report.ts';
import type { BenchContext, Section } from '../lib/section.ts';
import { startHouqin, type DatabaseTarget } from '../lib/server.ts';
import { settle } from '../lib/settle.ts';
import { explainRows, timeSheetRead, type Explained } from './assets/explain.ts';
import { makeFixtures, type Fixtures } from './assets/fixtures.ts';
import { importRegister, type Imported } from './assets/import.ts';
import { loadCards } from './assets/load.ts';
import { startStocktake, type Stocktake } from './assets/stocktake.ts';
import { buildImportFile, type ImportFile } from './assets/workbook.ts';

/** Overrides for a quick try; the doc's figures use the defaults. */
const IMPORT_ROWS = Number(process.env.BENCH_ASSETS_IMPORT_ROWS ?? 100_000);
const COUNT = Number(process.env.BENCH_ASSETS_COUNT ?? 1_000_000);
const WARMUP_SECONDS = 1;
const REQUEST_TIMEOUT_SECONDS = 120;
const TARGET = { importSeconds: 15, listMs: 20, varianceMs: 1000, reportMs: 1000 };

type Row = { database: string; scenario: string; connections: number; m: Measurement };
type Read = {
  scenario: string;
  url: string;
  cookie: string;
  connections: number;
  sites: 'all' | string[];
};
type Result = {
  engine: string;
  rows: Row[];
  file: ImportFile;
  imported: Imported;
  loadSeconds: number;
  loaded: number;
  /** Timeline events of the loaded cards (history.ts), and the seconds writing them took. */
  events: number;
  eventSeconds: number;
  stocktake: Stocktake;
  profiles: string;
  /** Seconds the server's sheet reader takes over the file alone, when the import missed. */
  sheetRead: number | null;
};

function reads(admin: string, fx: Fixtures, st: Stocktake): Read[] {
  const medical = fx.categories.find((c) => c.code === 'ZY-YL')!.id;
  const department = fx.departments[0]!.id;
  const filtered = `/api/assets?status=in_use&categoryId=${medical}&departmentId=${department}&pageSize=20`;
  // A tag of the imported campus: typed or scanned into the register's search box.
  const tag = `XQ-${String(Math.min(777, IMPORT_ROWS)).padStart(6, '0')}`;
  const all = 'all' as const;
  // Last year's end by the organisation's calendar, when the books are closed.
  const year = new Intl.DateTimeFormat('en-US', { timeZone: fx.timeZone, year: 'numeric' });
  const yearEnd = `${Number(year.format(Date.now())) - 1}-12-31`;
  const report = `/api/assets/reports/register?asOf=${yearEnd}`;
  return [
    {
      scenario: 'list: the register, first page, no filter',
      url: '/api/assets?pageSize=20',
      cookie: admin,
      connections: 1,
      sites: all,
    },
    {
      scenario: 'list: in-use medical equipment of one department',
      url: filtered,
      cookie: admin,
      connections: 1,
      sites: all,
    },
    {
      scenario: 'list: the same, asset manager of the main campus',
      url: filtered,
      cookie: fx.managerCookie,
      connections: 1,
      sites: [fx.sites[0]!.id],
    },
    {
      scenario: 'list: search "监护仪" among in-use cards',
      url: `/api/assets?status=in_use&q=${encodeURIComponent('监护仪')}&pageSize=20`,
      cookie: admin,
      connections: 1,
      sites: all,
    },
    {
      scenario: 'list: search one tag number',
      url: `/api/assets?q=${tag}&pageSize=20`,
      cookie: admin,
      connections: 1,
      sites: all,
    },
    {
      scenario: 'list: in-use medical equipment of one department, 20 clients',
      url: filtered,
      cookie: admin,
      connections: 20,
      sites: all,
    },
    {
      scenario: 'variance: summary and first page of differences',
      url: `/api/assets/stocktakes/${st.id}/variance`,
      cookie: admin,
      connections: 1,
      sites: all,
    },
    {
      scenario: 'variance: wrong place only, first page',
      url: `/api/assets/stocktakes/${st.id}/variance?kind=wrong_place`,
      cookie: admin,
      connections: 1,
      sites: all,
    },
    {
      scenario: 'report: register of the main campus at last year end',
      url: `${report}&siteId=${fx.sites[0]!.id}`,
      cookie: admin,
      connections: 1,
      sites: all,
    },
    {
      scenario: 'report: the same, asset manager of the main campus',
      url: report,
      cookie: fx.managerCookie,
      connections: 1,
      sites: [fx.sites[0]!.id],
    },
    {
      scenario: 'report: whole register at last year end',
      url: report,
      cookie: admin,
      connections: 1,
      sites: all,
    },
  ];
}

const targetMs = (scenario: string) =>
  scenario.startsWith('variance:')
    ? TARGET.varianceMs
    : scenario.startsWith('report:')
      ? TARGET.reportMs
      : TARGET.listMs;

async function onDatabase(target: DatabaseTarget, ctx: BenchContext): Promise<Result> {
  const h = await startHouqin(target);
  try {
    const log = (line: string) => ctx.log(`${h.engine}: ${line}`);
    log('organisation, campuses, places, people and categories');
    const fx = await makeFixtures(h);
    log(`writing the ${IMPORT_ROWS.toLocaleString('en-US')}-row import file`);
    const file = await buildImportFile(h, fx, IMPORT_ROWS);
    log(`importing it (${file.megabytes.toFixed(1)} MB)`);
    const imported = await importRegister(h, fx, file);
    log(`imported in ${imported.seconds.toFixed(1)} s`);
    if (imported.created !== IMPORT_ROWS || imported.registered !== IMPORT_ROWS)
      throw new Error(
        `import: ${IMPORT_ROWS} rows sent, ${imported.created} created, ${imported.registered} in the register`,
      );
    const toLoad = Math.max(0, COUNT - IMPORT_ROWS);
    log(`loading ${toLoad.toLocaleString('en-US')} more cards`);
    const loaded = await loadCards(h, fx, toLoad);
    log(`loaded in ${loaded.seconds.toFixed(0)} s`);
    log(
      `${loaded.events.toLocaleString('en-US')} timeline events written in ${loaded.eventSeconds.toFixed(1)} s`,
    );
    log('stock-take of the imported campus');
    const st = await startStocktake(h, fx);
    const rows: Row[] = [];
    const missed: Explained[] = [];
    for (const { scenario, url, cookie, connections, sites } of reads(h.cookie, fx, st)) {
      log(scenario);
      const opts = {
        url: h.base + url,
        headers: { cookie },
        connections,
        // Warmed up here rather than by measure(), so that the warm-up's answers
        // still in flight are waited for (settle) before the measured run starts.
        warmupSeconds: 0,
        // autocannon's own option (passed through by measure): a search that
        // scans the register answers in seconds, and its default 10 s would
        // turn 20 queued clients into timeouts instead of a latency.
        timeout: REQUEST_TIMEOUT_SECONDS,
      } as Omit<LoadOptions, 'seconds'>;
      await settle(h.base);
      await measure({ ...opts, seconds: WARMUP_SECONDS });
      await settle(h.base);
      const m = await measure({ ...opts, seconds: ctx.seconds });
      rows.push({ database: h.engine, scenario, connections, m });
      if (connections === 1 && !(m.p95 < targetMs(scenario))) missed.push({ scenario, url, sites });
    }
    if (missed.length) log(`profiling the ${missed.length} missed row(s)`);
    const profiles = missed.length ? await explainRows(h, fx.orgId, missed) : '';
    let sheetRead: number | null = null;
    if (!(imported.seconds < TARGET.importSeconds)) {
      log('timing the sheet reader alone on the import file');
      sheetRead = (await timeSheetRead(file.buffer)).seconds;
    }
    return {
      engine: h.engine,
      rows,
      file,
      imported,
      loadSeconds: loaded.seconds,
      loaded: loaded.count,
      events: loaded.events,
      eventSeconds: loaded.eventSeconds,
      stocktake: st,
      profiles,
      sheetRead,
    };
  } finally {
    await h.stop();
  }
}

const int = new Intl.NumberFormat('en-US');

const table = (rows: Row[]) =>
  p95Table(rows, { head: 'clients', cell: (r) => String(r.connections) });

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** Issue 5's targets against one database's results. */
function summary(r: Result): string[] {
  const imp = r.imported;
  const lines = [
    `- **${r.engine}** (${int.format(r.loaded + imp.created)} cards in the register: ${int.format(imp.created)} imported, ${int.format(r.loaded)} loaded in ${r.loadSeconds.toFixed(0)} s, then ${int.format(r.events)} timeline events of theirs in ${r.eventSeconds.toFixed(1)} s):`,
    `  - ${verdict(imp.seconds < TARGET.importSeconds)}: import of ${int.format(imp.created)} cards (${r.file.megabytes.toFixed(1)} MB .xlsx, operation ${imp.operationNumber ?? '–'}): ${imp.seconds.toFixed(1)} s (target < ${TARGET.importSeconds}); ${int.format(imp.registered)} cards at the campus afterwards`,
  ];
  if (r.sheetRead !== null)
    lines.push(
      `    - of which reading the .xlsx: the server's sheet reader takes ${r.sheetRead.toFixed(1)} s over this file alone (in the benchmark's process); the other ${Math.max(0, imp.seconds - r.sheetRead).toFixed(1)} s are the upload, checking the rows and writing cards, operation lines, events and audit in one transaction`,
    );
  for (const row of r.rows.filter((x) => x.connections === 1)) {
    const t = targetMs(row.scenario);
    const p95 = row.m.requests
      ? `p95 ${fmtMs(row.m.p95)} ms`
      : `no answer within the ${row.m.errors ? 'request timeout' : 'run'}`;
    lines.push(
      `  - ${verdict(row.m.p95 < t)}: ${row.scenario}: ${p95} (target < ${int.format(t)})`,
    );
  }
  lines.push(
    `  - (no target) starting the stock-take, snapshot of ${int.format(r.stocktake.expected)} cards: ${r.stocktake.snapshotSeconds.toFixed(2)} s`,
  );
  return lines;
}

export const assets: Section = {
  id: 'assets',
  async run(ctx) {
    const results: Result[] = [];
    for (const target of ctx.databases) results.push(await onDatabase(target, ctx));
    const rows = results.flatMap((r) => r.rows);
    const md = table(rows);
    const lines = results.flatMap(summary);
    console.log(`\n${md}\n\n${lines.join('\n')}\n`);
    const profiles = results.map((r) => r.profiles).filter(Boolean);
    return [
      '## Assets: importing a register, a million cards, a stock-take, a year-end register',
      '',
      `_${machineLine(ctx.machine)}. autocannon, ${ctx.seconds} s per row after a ${WARMUP_SECONDS} s warm-up; ${int.format(IMPORT_ROWS)} cards imported, ${int.format(Math.max(COUNT, IMPORT_ROWS))} in the register, a stock-take over the ${int.format(IMPORT_ROWS)} imported._`,
      '',
      md,
      '',
      "Against the targets (issue 5's, and 1 s for the report):",
      '',
      ...lines,
      ...busyWarning(ctx.machine, 'the profiles below give what the statements cost alone'),
      '',
      EXPLANATION,
      ...(profiles.length
        ? [
            '',
            "**Where the time goes in the rows that missed**, measured after the run: the endpoint's own service code run once on a recording connection, each statement it sent then timed alone on the same database (median of 5) with its plan (SQLite `EXPLAIN QUERY PLAN`, PostgreSQL `EXPLAIN (ANALYZE, BUFFERS)`).",
            '',
            ...profiles,
          ]
        : []),
    ].join('\n');
  },
};

const EXPLANATION = `**What is measured.** The real server on a fresh database, as in the
platform section. Through the API the run creates five campuses of 100 rooms
each, 40 departments, 400 custodians (staff records with employee numbers),
the hospital starter category tree and an asset manager (后勤主管) of the
main campus.

- **import**: the fifth campus's register as one .xlsx in the import
  template's columns (read from the server's own template), written with
  exceljs's streaming writer with shared strings and date cells as Excel
  saves them, uploaded to \`POST /api/assets/import\` as the administrator.
  The time runs from the upload's first byte to the answer: the import is
  synchronous, so this is checking every row (references, codes and tags
  against the register) and registering all cards in one transaction as one
  register operation with its lines, a timeline event per card and the audit.
  The campus's card count is read back through the API afterwards.
- **list**: the rest of the million cards is then written straight into the
  server's database (bench/scenarios/assets/, one transaction on SQLite,
  unnested arrays of 20,000 rows on PostgreSQL followed by \`VACUUM ANALYZE\`
  as autovacuum would do; SQLite gets no \`ANALYZE\`, since the server never
  runs it): four campuses holding 45/25/18/12 %, fifteen years of purchases
  growing over time, the hospital mix of desks, cabinets, computers, beds,
  monitors and scanners with prices to match, 80 % in use (in a department,
  60 % of those in one person's custody), 7 % idle, 9.5 % disposed of, the
  rest lent, in repair, pending or lost; codes from the numbering service's
  format and furniture labelled in batches. Then, timed apart, the timeline
  events of the loaded cards that moved, as a transfer taking effect writes
  them (one transaction on SQLite, arrays of 20,000 on PostgreSQL, then
  \`VACUUM ANALYZE\`): a tenth of the cards changed department once, and a
  tenth of those (1 % of the cards) moved campus with it, at an instant
  between their registration and now (or their disposal); the event names
  the department (and campus) before and after, the one after being the
  card's now. Operations and audit rows are not loaded: neither the list nor
  the report reads them. Then
  \`GET /api/assets\` page 1 of 20 with its total (counted up to 10,000),
  sorted by code: the register as it opens, the in-use medical equipment
  (category 医疗设备 with its sub-categories) of one department as the
  administrator and as the manager of the main campus (whose visibility adds
  that campus), a search for a word of the name, and the search for one tag
  number that a label scan or a typed tag makes. One client: the time one
  person waits, which is what the 20 ms target is about; the 20-client row is
  the same query under load (on 2 cores, read its p95 as queueing).
- **variance**: a stock-take of the imported campus started through the API
  (the snapshot of its expected list is the server's own; its time is given
  without a target), then its counting written into the lines: 88 % found,
  3 % found in another room, 2 % damaged, 4 % marked missing, 3 % not yet
  counted, and 40 surplus items recorded through the API. Then
  \`GET /api/assets/stocktakes/:id/variance\`: the summary (count and
  original value per kind of difference), the first page of differing lines
  and the surplus; and the same for wrong-place lines only. One client.
- **report**: \`GET /api/assets/reports/register\` on December 31 of last
  year, the register by using department (count, quantity, original and net
  value) as it stood at the end of that day: each card is counted at the
  campus and in the department it had then, read from its transfer events
  (the last before the day's end, else the first after it, else its values
  now). The main campus as the administrator asks for it, the same report as
  the main campus's asset manager sees it (their campus then, including
  cards that have left it since), and the whole register of the five
  campuses. One client; a target of 1 s (a report is waited for, but not
  for long).

**How to read it.** p95 is what 19 requests out of 20 beat. A "missed" line
says by how much; the profiles below show which statement the time goes to
and its plan. The load average shows how busy the machine was with other
work: above the number of cores, every figure includes waiting for a core.

**What was changed for these figures, and what is left.**

- *Filtered list.* SQLite, without statistics, took
  \`ast_assets_department_ix\` and read every in-use card of the department
  to test the category and campus (the capped count alone: 83 ms at 200,000
  cards). Migration 0010 replaces it with \`ast_assets_filter_ix\` (org,
  department, status, category, site, code, id); the capped count selects a
  constant and is answered from that index; the category subtree is read
  first and passed as ids; the page's 20 ids come from the index and only
  those cards are joined for their names. Where a department, place or
  person narrows the list, SQLite sorts by \`+a.code\` so that it uses the
  filter's index rather than walking the register in code order.
- *Search.* An exact code or tag is answered by its unique index; otherwise
  codes and tags match from their start and names and models anywhere, and a
  search's count stops after 5,000 cards (the total is then a lower bound,
  which the page says). Left: a word that matches few cards is still found by
  reading the register in code order (a search matching nothing reads it all:
  1.2 s on PostgreSQL at a million) — a trigram index (\`pg_trgm\` GIN; an
  FTS5 trigram table on SQLite) is the lever.
- *Variance.* One grouped count over the campaign's lines through
  \`ast_st_lines_result_ix\`, and a first page in the lines' key order.
- *Import.* Cards are inserted through one prepared statement per row on
  SQLite (half the time of 200-row statements there) and their ids and QR
  tokens draw randomness 4 KB at a time; everything is still checked first,
  written in one transaction, and audited. The sheet reader alone takes
  about 4 s of the 100,000 rows. Left: PostgreSQL is over 15 s; its lines
  and timeline events are inserted 200 rows per statement
  (operations/core.ts), and the sheet reader (platform/excel) holds the
  whole workbook in memory before the rows are checked.
- *Register at last year end.* First measured with site history added
  (2026-11-25): 2.6 s for the main campus and 4.9 s for the whole register
  on SQLite, 2.9 and 4.4 s on PostgreSQL. The sums per department, net
  value included, are now computed in SQL (net-value-sql.ts; grouping by
  depreciation terms in Node had made nearly a group per card); a card's
  timeline is sought only if it ever changed department or site; on SQLite
  the whole register is read in the table's order (\`+a.org_id\`). Left:
  the grouping sort over every card on the books, PostgreSQL's sort
  spilling to disk at the default \`work_mem\`, and the pkey lookups of a
  campus's cards; a month-end snapshot of the register would make a past
  date free.`;
