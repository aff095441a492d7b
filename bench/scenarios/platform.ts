/**
 * The platform section: what every request pays (HTTP stack, session, access
 * checks) against a bare Fastify route, plus sign-in and the people register
 * as the first real write and list.
 */
import { counterBody, drive, measure, type LoadOptions } from '../lib/autocannon.ts';
import {
  consoleTable,
  fmtMs,
  fmtRps,
  machineLine,
  markdownTable,
  type Row,
} from '../lib/report.ts';
import type { BenchContext, Section } from '../lib/section.ts';
import { startBare, startHouqin, type DatabaseTarget } from '../lib/server.ts';

/** The list is measured on a register of this size (the write scenario's people count toward it). */
const LIST_ON_PEOPLE = 10_000;
const BARE = 'bare Fastify GET /bare';
const ME = 'GET /api/me';
const WARMUP_SECONDS = 1;
const LOGIN_USERS = 40;

/** Accounts without roles, only for signing in. */
async function createBenchUsers(base: string, cookie: string, count: number) {
  const users = Array.from({ length: count }, (_, i) => ({
    username: `bench-${i}`,
    password: 'bench-pass-1',
  }));
  for (const u of users) {
    const res = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: base },
      body: JSON.stringify({ ...u, displayName: u.username }),
    });
    if (res.status !== 201) throw new Error(`bench user: ${res.status} ${await res.text()}`);
  }
  return users;
}

async function onDatabase(target: DatabaseTarget, ctx: BenchContext): Promise<Row[]> {
  const h = await startHouqin(target);
  try {
    const rows: Row[] = [];
    const step = async (scenario: string, opts: Omit<LoadOptions, 'seconds'>) => {
      ctx.log(`${h.engine}: ${scenario}`);
      const m = await measure({ seconds: ctx.seconds, warmupSeconds: WARMUP_SECONDS, ...opts });
      rows.push({ database: h.engine, scenario, m });
    };
    const json = { 'content-type': 'application/json' };

    // Sign-ins rotate over several accounts: 20 parallel sign-ins to ONE
    // account from one address is what the throttle treats as guessing.
    const users = await createBenchUsers(h.base, h.cookie, LOGIN_USERS);
    await step('POST /api/auth/login', {
      url: `${h.base}/api/auth/login`,
      method: 'POST',
      headers: json,
      setupRequest: counterBody((n) => users[n % users.length]),
    });
    // Every hook and plugin of a real route, but public and without a query: the
    // gap from bare to here is the HTTP stack, from here to /api/me the session,
    // access and data work.
    await step('GET /healthz', { url: `${h.base}/healthz` });
    await step(ME, { url: `${h.base}/api/me`, headers: { cookie: h.cookie } });
    const create = {
      url: `${h.base}/api/people`,
      method: 'POST' as const,
      // A cookie-authenticated write must carry our Origin (CSRF check).
      headers: { ...json, cookie: h.cookie, origin: h.base },
      setupRequest: counterBody((n) => ({ employeeNo: `B${n}`, name: `员工${n}` })),
    };
    await step('POST /api/people', create);

    const missing = LIST_ON_PEOPLE - (await countPeople(h.base, h.cookie));
    if (missing > 0) {
      ctx.log(`${h.engine}: adding ${missing} people for the list`);
      const seeded = await drive({ ...create, seconds: 0 }, missing);
      if (seeded.non2xx + seeded.errors > 0)
        throw new Error(`seeding people: ${seeded.non2xx} non-2xx, ${seeded.errors} errors`);
    }
    await step(`GET /api/people?pageSize=20 (${LIST_ON_PEOPLE / 1000}k+ people)`, {
      url: `${h.base}/api/people?page=1&pageSize=20`,
      headers: { cookie: h.cookie },
    });
    return rows;
  } finally {
    await h.stop();
  }
}

async function countPeople(base: string, cookie: string): Promise<number> {
  const res = await fetch(`${base}/api/people?pageSize=1`, { headers: { cookie } });
  if (!res.ok) throw new Error(`count people: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { total: number }).total;
}

/** "16.2× (27,145 vs 1,676 req/s; p50 0.69 vs 8.94 ms)" */
function overhead(bare: Row, me: Row): string {
  const ratio = (bare.m.rps / me.m.rps).toFixed(1);
  return `**${ratio}×** (${fmtRps(bare.m.rps)} vs ${fmtRps(me.m.rps)} req/s; p50 ${fmtMs(bare.m.p50)} vs ${fmtMs(me.m.p50)} ms)`;
}

async function measureBare(ctx: BenchContext): Promise<Row> {
  ctx.log(BARE);
  const bare = await startBare();
  try {
    const m = await measure({
      url: `${bare.base}/bare`,
      seconds: ctx.seconds,
      warmupSeconds: WARMUP_SECONDS,
    });
    return { database: '—', scenario: BARE, m };
  } finally {
    await bare.stop();
  }
}

export const platform: Section = {
  id: 'platform',
  async run(ctx) {
    const bare = await measureBare(ctx);
    const rows: Row[] = [bare];
    const ratios: string[] = [];
    for (const target of ctx.databases) {
      const dbRows = await onDatabase(target, ctx);
      rows.push(...dbRows);
      const me = dbRows.find((r) => r.scenario === ME)!;
      ratios.push(`- ${me.database}: ${overhead(bare, me)}`);
    }
    const ratioTitle = `Overhead ratio, bare Fastify req/s ÷ \`${ME}\` req/s:`;
    console.log(`\n${consoleTable(rows)}\n\n${ratioTitle}\n${ratios.join('\n')}\n`);
    return [
      '## Platform: HTTP stack, sign-in, people',
      '',
      `_${machineLine(ctx.machine)}. autocannon, 20 connections, ${ctx.seconds} s per row after a ${WARMUP_SECONDS} s warm-up._`,
      '',
      markdownTable(rows),
      '',
      ratioTitle,
      '',
      ...ratios,
      '',
      EXPLANATION,
    ].join('\n');
  },
};

const EXPLANATION = `**What is measured.** Each row is autocannon keeping 20 keep-alive
connections busy on one endpoint for \`BENCH_SECONDS\` (10 by default). The
server is the real one (\`src/main.ts start\` with \`NODE_ENV=production\`,
\`LOG_LEVEL=warn\`) in its own process, on a fresh data directory or database,
with the set-up administrator signed in. The bare row is a Fastify with one
route and nothing else, in its own process, measured in the same run. Read the
rows against it: \`GET /healthz\` adds Houqin's plugin chain and hooks (security
headers, compression, cookies, request ids, the auth hook); \`GET /api/me\` adds
the session lookup, permission check and three reads, and is the ratio above.
\`POST /api/auth/login\` is slow on purpose: scrypt costs ~40 ms of CPU per
attempt, so sign-ins per second are bounded by the cores (20 clients queue for
them, hence the long p50); they rotate over 40 accounts, since 20 parallel
sign-ins to one account from one address is what the throttle calls guessing. \`POST /api/people\` writes a person and its audit row
in one transaction (on SQLite with an fsync per commit, \`synchronous=FULL\`).
The list is page 1 (20 rows, sorted, with the total count) of at least
10,000 people: those the write row created, topped up to 10,000 if fewer.

**How to read it.** req/s is throughput with 20 clients each waiting for its
answer; p50 is the typical response time, p99 the slow tail. non-2xx and errors
must be 0, otherwise the row measured failures. autocannon runs on the same
machine and takes CPU from the server, and the load average above says how busy
the machine was with other work: compare runs on one quiet machine, and read
the figures as a floor, not as capacity.`;
