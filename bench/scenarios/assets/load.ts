/**
 * Loading the four campuses' registers (a million cards less the imported
 * campus) into the running server's database directly: through the API that
 * would take hours. Schema, indexes, categories, places and people are the
 * server's own; only the ast_assets rows are written here, with the codes the
 * numbering service would have given (ZC-<year>-<seq>, its sequences moved on
 * to match). Operations, events and audit rows are not loaded: the list does
 * not read them.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { v7 } from 'uuid';
import { picker, rng } from '../../lib/random.ts';
import type { Houqin } from '../../lib/server.ts';
import { SITE_WEIGHTS, type Fixtures } from './fixtures.ts';
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

type Value = string | number | null;

/**
 * The cards, in registration order, and the last asset number used per year.
 * A quarter of the tags are the batch labels of furniture (ZY-000123 style
 * per category); the rest carry the asset code, as the server defaults.
 */
function* cards(
  fx: Fixtures,
  count: number,
  now: number,
  lastNumbers: Map<number, number>,
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
    const disposed = c.status === 'disposed' ? iso(c.registeredAt + 3 * 365 * 86_400_000) : null;
    yield [
      v7({ msecs: c.registeredAt }),
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

export type Loaded = { seconds: number; count: number };

export async function loadCards(h: Houqin, fx: Fixtures, count: number): Promise<Loaded> {
  const started = Date.now();
  const lastNumbers = new Map<number, number>();
  const rows = cards(fx, count, Date.now(), lastNumbers);
  const sequences = () =>
    [...lastNumbers].map(([year, value]) => [fx.orgId, 'asset', year, value] as Value[]);
  if (h.databaseUrl) await loadPostgres(h.databaseUrl, rows, sequences);
  else loadSqlite(path.join(h.dataDir, 'houqin.sqlite'), rows, sequences);
  return { seconds: (Date.now() - started) / 1000, count };
}

const UPSERT_SEQUENCE = `insert into numbering_sequences (org_id, doc_type, year, last_value) values (?, ?, ?, ?)
  on conflict (org_id, doc_type, year) do update set last_value = excluded.last_value`;

function loadSqlite(file: string, rows: Iterable<Value[]>, sequences: () => Value[][]): void {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 10000');
    // This connection only: a big page cache for the load (the server keeps its own settings).
    db.pragma('cache_size = -400000');
    const insert = db.prepare(
      `insert into ast_assets (${COLUMNS.map((c) => c[0]).join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
    );
    db.transaction(() => {
      for (const row of rows) insert.run(row);
      const seq = db.prepare(UPSERT_SEQUENCE);
      for (const s of sequences()) seq.run(s);
    })();
    // No ANALYZE: the server never runs it on SQLite, so a real database has no statistics either.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

async function loadPostgres(
  url: string,
  rows: Iterable<Value[]>,
  sequences: () => Value[][],
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    // One array per column, unnested into rows: a batch is one statement and one round trip.
    const sql = `insert into ast_assets (${COLUMNS.map((c) => c[0]).join(', ')})
      select * from unnest(${COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})`;
    let columns: Value[][] = COLUMNS.map(() => []);
    const flush = async () => {
      if (columns[0]!.length) await client.query(sql, columns);
      columns = COLUMNS.map(() => []);
    };
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) columns[i]!.push(row[i]!);
      if (columns[0]!.length >= PG_BATCH) await flush();
    }
    await flush();
    let p = 0;
    const upsert = UPSERT_SEQUENCE.replace(/\?/g, () => `$${++p}`);
    for (const s of sequences()) await client.query(upsert, s);
    await client.query('commit');
    // Autovacuum would analyse the table within a minute of such a load; do it now
    // so the measurement does not depend on when it runs.
    await client.query('vacuum analyze ast_assets');
  } finally {
    await client.end();
  }
}
