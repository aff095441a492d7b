/**
 * Where an endpoint's time goes, measured: the server's own service code is
 * run once in this process on a Kysely that records every statement it sends
 * (so the SQL is exactly the endpoint's, not a copy), then each statement is
 * timed alone on the benchmarked database and its plan taken (SQLite:
 * EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN ANALYZE, which runs it).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Houqin } from './server.ts';

export type Profiled = {
  sql: string;
  /** Median of 5 runs after one warm-up (one run for a statement of seconds), in ms. */
  ms: number;
  rows: number;
  plan: string[];
};

export type Probe<DB> = {
  db: Kysely<DB>;
  dialect: 'sqlite' | 'postgres';
  /** Runs `fn` on the recording connection and profiles every statement it sent. */
  profile(fn: (db: Kysely<DB>) => Promise<unknown>): Promise<Profiled[]>;
  close(): Promise<void>;
};

/** Five timed runs, or one for a statement of seconds (its time is clear, and five would take minutes). */
const timedRuns = (warmMs: number) => (warmMs > 1000 ? 1 : 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A second connection to the server's database (read-only on SQLite). */
export function openProbe<DB>(h: Pick<Houqin, 'dataDir' | 'databaseUrl'>): Probe<DB> {
  let recorded: CompiledQuery[] = [];
  const log = (e: { level: string; query: CompiledQuery }) => {
    if (e.level === 'query') recorded.push(e.query);
  };
  if (h.databaseUrl) {
    const pool = new pg.Pool({ connectionString: h.databaseUrl, max: 2 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
    const time = async (q: CompiledQuery): Promise<Profiled> => {
      const params = q.parameters as unknown[];
      const warm = performance.now();
      await pool.query(q.sql, params);
      const runs: number[] = [];
      let rows = 0;
      for (let i = 0; i < timedRuns(performance.now() - warm); i++) {
        const t = performance.now();
        rows = (await pool.query(q.sql, params)).rowCount ?? 0;
        runs.push(performance.now() - t);
      }
      const plan = await pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${q.sql}`,
        params,
      );
      return { sql: q.sql, ms: median(runs), rows, plan: plan.rows.map((r) => r['QUERY PLAN']) };
    };
    return {
      db,
      dialect: 'postgres',
      async profile(fn) {
        recorded = [];
        await fn(db);
        const out: Profiled[] = [];
        for (const q of recorded) out.push(await time(q));
        return out;
      },
      close: () => db.destroy(),
    };
  }
  const sqlite = new Database(path.join(h.dataDir, 'houqin.sqlite'), { readonly: true });
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log });
  const time = (q: CompiledQuery): Profiled => {
    const params = q.parameters as unknown[];
    const stmt = sqlite.prepare(q.sql);
    const run = () => (stmt.reader ? stmt.all(...params).length : stmt.run(...params).changes);
    const warm = performance.now();
    run();
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i < timedRuns(performance.now() - warm); i++) {
      const t = performance.now();
      rows = run();
      runs.push(performance.now() - t);
    }
    const plan = sqlite.prepare(`explain query plan ${q.sql}`).all(...params) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, -1]]);
    const lines = plan.map((p) => {
      const d = (depth.get(p.parent) ?? -1) + 1;
      depth.set(p.id, d);
      return `${'  '.repeat(d)}${p.detail}`;
    });
    return { sql: q.sql, ms: median(runs), rows, plan: lines };
  };
  return {
    db,
    dialect: 'sqlite',
    async profile(fn) {
      recorded = [];
      await fn(db);
      return recorded.map(time);
    },
    close: () => db.destroy(),
  };
}

/** A profile as Markdown: each statement's time and rows, the slowest one's SQL and plan. */
export function profileMarkdown(title: string, profiled: Profiled[]): string {
  if (!profiled.length) return '';
  const slowest = profiled.reduce((a, b) => (b.ms > a.ms ? b : a));
  const total = profiled.reduce((s, p) => s + p.ms, 0);
  const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110);
  return [
    `<details><summary>${title}: ${profiled.length} statements, ${total.toFixed(1)} ms alone; the slowest ${slowest.ms.toFixed(1)} ms</summary>`,
    '',
    '| ms alone | rows | statement |',
    '| --: | --: | --- |',
    ...profiled.map(
      (p) =>
        `| ${p.ms.toFixed(2)} | ${p.rows} | \`${short(p.sql).replace(/\|/g, '\\|').replace(/`/g, "'")}…\` |`,
    ),
    '',
    'The slowest statement and its plan:',
    '',
    '```sql',
    slowest.sql.replace(/\s+/g, ' '),
    '```',
    '',
    '```',
    ...slowest.plan.slice(0, 40),
    // PostgreSQL ends with its planning and execution times: keep them when the tree is cut.
    ...(slowest.plan.length > 40
      ? ['…', ...slowest.plan.slice(40).filter((l) => / Time: /.test(l))]
      : []),
    '```',
    '',
    '</details>',
  ].join('\n');
}
