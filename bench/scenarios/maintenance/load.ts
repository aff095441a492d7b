/**
 * Loading a million work orders into the running server's database directly:
 * through the API that would take hours. The schema, its indexes and the
 * organisation are the server's own (created by its migrations and set-up);
 * only the rows are written here, the way the demo seed writes its year.
 * Events and audit rows are not loaded: the list and the statistics do not
 * read them. Labour lines are (one per worked order, ~90 % of the orders):
 * the detail answered after every create reads them, and an index that lost
 * to an (org_id, …) one once made that read scan the organisation's lines.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v7 } from 'uuid';
import type { Houqin } from '../../lib/server.ts';
import type { Fixtures } from './fixtures.ts';
import { COLUMNS, generateOrders, type Value } from './orders.ts';

const TEAMS = ['水电班', '空调组', '综合维修组'];
const LABOUR_COLUMNS = ['id', 'org_id', 'work_order_id', 'user_id', 'worker_name', 'minutes'];
const at = (name: string) => COLUMNS.findIndex((c) => c[0] === name);
const [ID, ORG, ASSIGNEE, LABOUR] = ['id', 'org_id', 'assignee_user_id', 'labour_minutes'].map(at);

/** The labour line of a worked order (its technician's minutes), or none. */
function labourOf(row: Value[]): Value[] | null {
  const minutes = row[LABOUR!] as number;
  if (!minutes || !row[ASSIGNEE!]) return null;
  return [v7(), row[ORG!]!, row[ID!]!, row[ASSIGNEE!]!, '维修工', minutes];
}
/** Rows per PostgreSQL statement (one array parameter per column). */
const PG_BATCH = 20_000;

type Loaded = { seconds: number; count: number };

export async function loadOrders(
  h: Houqin,
  fx: Fixtures,
  count: number,
  now: number,
): Promise<Loaded> {
  const started = Date.now();
  const at = new Date(now).toISOString();
  const teamIds = TEAMS.map(() => v7());
  const teams = TEAMS.map((name, i) => [teamIds[i]!, fx.orgId, null, name, 1, at, at]);
  const lastNumbers = new Map<number, number>();
  const rows = generateOrders(fx, count, now, teamIds, lastNumbers);
  if (h.databaseUrl) await loadPostgres(h.databaseUrl, fx, teams, rows, lastNumbers);
  else loadSqlite(path.join(h.dataDir, 'houqin.sqlite'), fx, teams, rows, lastNumbers);
  return { seconds: (Date.now() - started) / 1000, count };
}

const numberingRows = (fx: Fixtures, last: Map<number, number>) =>
  [...last].map(([year, value]) => [fx.orgId, 'work_order', year, value]);

function loadSqlite(
  file: string,
  fx: Fixtures,
  teams: Value[][],
  rows: Iterable<Value[]>,
  lastNumbers: Map<number, number>,
): void {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 10000');
    // This connection only: a big page cache for the load (the server keeps its own settings).
    db.pragma('cache_size = -400000');
    const names = COLUMNS.map((c) => c[0]).join(', ');
    const insert = db.prepare(
      `insert into mnt_work_orders (${names}) values (${COLUMNS.map(() => '?').join(', ')})`,
    );
    const labour = db.prepare(
      `insert into mnt_labour (${LABOUR_COLUMNS.join(', ')}) values (${LABOUR_COLUMNS.map(() => '?').join(', ')})`,
    );
    db.transaction(() => {
      const team = db.prepare(
        'insert into mnt_teams (id, org_id, site_id, name, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const t of teams) team.run(t);
      for (const row of rows) {
        insert.run(row);
        const line = labourOf(row);
        if (line) labour.run(line);
      }
      const seq = db.prepare(
        `insert into numbering_sequences (org_id, doc_type, year, last_value) values (?, ?, ?, ?)
         on conflict (org_id, doc_type, year) do update set last_value = excluded.last_value`,
      );
      for (const n of numberingRows(fx, lastNumbers)) seq.run(n);
    })();
    // Fold the load into the database file now rather than during the first measurement.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

async function loadPostgres(
  url: string,
  fx: Fixtures,
  teams: Value[][],
  rows: Iterable<Value[]>,
  lastNumbers: Map<number, number>,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    for (const t of teams)
      await client.query(
        'insert into mnt_teams (id, org_id, site_id, name, active, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7)',
        t,
      );
    // One array per column, unnested into rows: a batch is one statement and one round trip.
    const sql = `insert into mnt_work_orders (${COLUMNS.map((c) => c[0]).join(', ')})
      select * from unnest(${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})`;
    const labourSql = `insert into mnt_labour (${LABOUR_COLUMNS.join(', ')})
      select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::integer[])`;
    let columns: Value[][] = COLUMNS.map(() => []);
    let labour: Value[][] = LABOUR_COLUMNS.map(() => []);
    const flush = async () => {
      // Orders first: the labour lines reference them.
      if (columns[0]!.length) await client.query(sql, columns);
      if (labour[0]!.length) await client.query(labourSql, labour);
      columns = COLUMNS.map(() => []);
      labour = LABOUR_COLUMNS.map(() => []);
    };
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) columns[i]!.push(row[i]!);
      const line = labourOf(row);
      if (line) for (let i = 0; i < line.length; i++) labour[i]!.push(line[i]!);
      if (columns[0]!.length >= PG_BATCH) await flush();
    }
    await flush();
    for (const n of numberingRows(fx, lastNumbers))
      await client.query(
        `insert into numbering_sequences (org_id, doc_type, year, last_value) values ($1, $2, $3, $4)
         on conflict (org_id, doc_type, year) do update set last_value = excluded.last_value`,
        n,
      );
    await client.query('commit');
    // Autovacuum would analyse the table within a minute of such a load; do it now
    // so the measurement does not depend on when it runs.
    await client.query('vacuum analyze mnt_work_orders');
    await client.query('vacuum analyze mnt_labour');
  } finally {
    await client.end();
  }
}
