/**
 * Loading the four campuses' registers (a million cards less the imported
 * campus) into the running server's database directly: through the API that
 * would take hours. Schema, indexes, categories, places and people are the
 * server's own; only the ast_assets rows are written here, with the codes the
 * numbering service would have given (ZC-<year>-<seq>, its sequences moved on
 * to match). Then the timeline events of the cards that changed department
 * or campus (history.ts), which the register on a past date reads, timed
 * apart. Operations and audit rows are not loaded: neither the list nor the
 * report reads them.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v7 } from 'uuid';
import { picker, rng } from '../../lib/random.ts';
import type { Houqin } from '../../lib/server.ts';
import { SITE_WEIGHTS, type Fixtures } from './fixtures.ts';
import { EVENT_COLUMNS, mover, type Value } from './history.ts';
import { cardMaker } from './register-mix.ts';

/** Rows per PostgreSQL statement (one array parameter per column). */
const PG_BATCH = 20_000;

/** ast_assets columns in the order `cards` yields their values, with their PostgreSQL types. */
const COLUMNS = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['site_id', 'uuid'],
  ['code', 'text'],
  ['tag_no', 'text'],
  ['qr_token', 'text'],
  ['name', 'text'],
  ['category_id', 'uuid'],
  ['model', 'text'],
  ['unit', 'text'],
  ['quantity', 'integer'],
  ['unit_price_fen', 'bigint'],
  ['original_value_fen', 'bigint'],
  ['purchase_date', 'date'],
  ['in_service_date', 'date'],
  ['source', 'text'],
  ['supplier', 'text'],
  ['invoice_no', 'text'],
  ['warranty_end', 'date'],
  ['location_id', 'uuid'],
  ['department_id', 'uuid'],
  ['custodian_person_id', 'uuid'],
  ['status', 'text'],
  ['condition', 'text'],
  ['depreciation_method', 'text'],
  ['life_months', 'integer'],
  ['residual_bp', 'integer'],
  ['custom', 'jsonb'],
  ['notes', 'text'],
  ['open_operation_id', 'uuid'],
  ['disposed_at', 'timestamptz'],
  ['version', 'integer'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

/** A table's columns with their PostgreSQL types. */
type Columns = readonly (readonly [string, string])[];

/**
 * The cards, in registration order, and the last asset number used per year;
 * the timeline events of those that moved are appended to `events`. A
 * quarter of the tags are the batch labels of furniture (ZY-000123 style per
 * category); the rest carry the asset code, as the server defaults.
 */
function* cards(
  fx: Fixtures,
  count: number,
  now: number,
  lastNumbers: Map<number, number>,
  events: Value[][],
): Generator<Value[]> {
  const r = rng(20261124);
  const next = cardMaker(fx, r, now);
  const site = picker(
    r,
    fx.sites.map((_, i) => i),
    SITE_WEIGHTS,
  );
  // Generated first and sorted by registration time, so ids (UUIDv7) and
  // numbers rise together as the server's would.
  const made = Array.from({ length: count }, () => {
    const s = site();
    return { s, card: next(fx.sites[s]!.rooms) };
  }).sort((a, b) => a.card.registeredAt - b.card.registeredAt);
  const move = mover(fx, count, made.filter((m) => m.card.departmentIndex !== null).length, events);
  const iso = (t: number) => new Date(t).toISOString();
  const yearOf = new Intl.DateTimeFormat('en-US', { timeZone: fx.timeZone, year: 'numeric' });
  let labels = 0;
  for (const { s, card: c } of made) {
    const year = Number(yearOf.format(c.registeredAt));
    const seq = (lastNumbers.get(year) ?? 0) + 1;
    lastNumbers.set(year, seq);
    const code = `ZC-${year}-${String(seq).padStart(6, '0')}`;
    const tag = c.category.code.startsWith('JJ')
      ? `${c.category.code}-${String(++labels).padStart(6, '0')}`
      : code;
    const at = iso(c.registeredAt);
    const disposedAt = c.status === 'disposed' ? c.registeredAt + 3 * 365 * 86_400_000 : null;
    const disposed = disposedAt === null ? null : iso(disposedAt);
    const id = v7({ msecs: c.registeredAt });
    move({
      id,
      site: s,
      department: c.departmentIndex,
      registeredAt: c.registeredAt,
      until: disposedAt ?? now,
    });
    yield [
      id,
      fx.orgId,
      fx.sites[s]!.id,
      code,
      tag,
      randomBytes(16).toString('base64url'),
      c.name,
      c.category.id,
      c.model,
      c.category.unit,
      c.quantity,
      c.unitPriceFen,
      c.unitPriceFen * c.quantity,
      c.purchaseDate,
      c.purchaseDate,
      c.source,
      c.supplier,
      c.invoiceNo,
      c.warrantyEnd,
      c.room.id,
      c.departmentIndex === null ? null : fx.departments[c.departmentIndex]!.id,
      c.custodianIndex === null ? null : fx.custodians[c.custodianIndex]!.id,
      c.status,
      c.condition,
      c.category.depreciationMethod,
      c.category.lifeMonths,
      c.category.residualBp,
      '{}',
      null,
      null,
      disposed,
      1,
      at,
      disposed ?? at,
    ];
  }
}

/** Cards written and how long it took; timeline events written and how long they took. */
export type Loaded = { seconds: number; count: number; events: number; eventSeconds: number };

export async function loadCards(h: Houqin, fx: Fixtures, count: number): Promise<Loaded> {
  const started = Date.now();
  const lastNumbers = new Map<number, number>();
  const events: Value[][] = [];
  const rows = cards(fx, count, Date.now(), lastNumbers, events);
  const sequences = () =>
    [...lastNumbers].map(([year, value]) => [fx.orgId, 'asset', year, value] as Value[]);
  const db = h.databaseUrl
    ? await postgresLoader(h.databaseUrl)
    : sqliteLoader(path.join(h.dataDir, 'houqin.sqlite'));
  try {
    await db.load('ast_assets', COLUMNS, rows, sequences);
    const loaded = Date.now();
    // The events name their cards (a foreign key): written once the cards are.
    await db.load('ast_events', EVENT_COLUMNS, events);
    return {
      seconds: (loaded - started) / 1000,
      count,
      events: events.length,
      eventSeconds: (Date.now() - loaded) / 1000,
    };
  } finally {
    await db.close();
  }
}

const UPSERT_SEQUENCE = `insert into numbering_sequences (org_id, doc_type, year, last_value) values (?, ?, ?, ?)
  on conflict (org_id, doc_type, year) do update set last_value = excluded.last_value`;

/** Writes rows into one table in one transaction, then the numbering sequences if given. */
type Loader = {
  load(
    table: string,
    columns: Columns,
    rows: Iterable<Value[]>,
    sequences?: () => Value[][],
  ): Promise<void>;
  close(): Promise<void>;
};

function sqliteLoader(file: string): Loader {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  // This connection only: a big page cache for the load (the server keeps its own settings).
  db.pragma('cache_size = -400000');
  return {
    async load(table, columns, rows, sequences) {
      const insert = db.prepare(
        `insert into ${table} (${columns.map((c) => c[0]).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      db.transaction(() => {
        for (const row of rows) insert.run(row);
        if (!sequences) return;
        const seq = db.prepare(UPSERT_SEQUENCE);
        for (const s of sequences()) seq.run(s);
      })();
      // No ANALYZE: the server never runs it on SQLite, so a real database has no statistics either.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}

async function postgresLoader(url: string): Promise<Loader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async load(table, columns, rows, sequences) {
      await client.query('begin');
      // One array per column, unnested into rows: a batch is one statement and one round trip.
      const sql = `insert into ${table} (${columns.map((c) => c[0]).join(', ')})
        select * from unnest(${columns.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})`;
      let batch: Value[][] = columns.map(() => []);
      const flush = async () => {
        if (batch[0]!.length) await client.query(sql, batch);
        batch = columns.map(() => []);
      };
      for (const row of rows) {
        for (let i = 0; i < row.length; i++) batch[i]!.push(row[i]!);
        if (batch[0]!.length >= PG_BATCH) await flush();
      }
      await flush();
      let p = 0;
      const upsert = UPSERT_SEQUENCE.replace(/\?/g, () => `$${++p}`);
      for (const s of sequences?.() ?? []) await client.query(upsert, s);
      await client.query('commit');
      // Autovacuum would analyse the table within a minute of such a load; do it now
      // so the measurement does not depend on when it runs.
      await client.query(`vacuum analyze ${table}`);
    },
    close: () => client.end(),
  };
}
