/**
 * The stock-take of the imported campus: started through the API, so the
 * snapshot of its expected list is the server's own INSERT … SELECT (timed,
 * as a figure beside the targets); then the counting of a few weeks is
 * written straight into its lines (scanning 100,000 tags through the API is
 * not what is measured): most found where expected, some found in another
 * room, some damaged, some marked missing and a few not reached yet. A
 * handful of surplus items are recorded through the API.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { apiOf, inParallel } from '../../lib/api.ts';
import { picker, rng } from '../../lib/random.ts';
import type { Houqin } from '../../lib/server.ts';
import type { Fixtures } from './fixtures.ts';

/** Share of the lines by result at the time the report is read. */
export const RESULT_SHARES: [string, number][] = [
  ['found', 88],
  ['wrong_place', 3],
  ['damaged', 2],
  ['missing', 4],
  ['pending', 3],
];
const SURPLUS = 40;

export type Stocktake = { id: string; expected: number; snapshotSeconds: number };

type Mark = [result: string, foundLocationId: string | null, countedAt: string | null];

export async function startStocktake(h: Houqin, fx: Fixtures): Promise<Stocktake> {
  const api = apiOf(h);
  const started = performance.now();
  const st = await api<{ id: string; expectedCount: number }>('POST', '/api/assets/stocktakes', {
    name: '新院区年度盘点',
    siteId: fx.importSite.id,
  });
  const snapshotSeconds = (performance.now() - started) / 1000;
  await markLines(h, fx, st.id);
  await inParallel(
    Array.from({ length: SURPLUS }, (_, i) => i),
    2,
    (i) =>
      api('POST', `/api/assets/stocktakes/${st.id}/surplus`, {
        name: i % 2 ? '办公椅' : '文件柜',
        locationId: fx.importSite.rooms[i % fx.importSite.rooms.length]!.id,
      }),
  );
  return { id: st.id, expected: st.expectedCount, snapshotSeconds };
}

/** Each line's result, drawn with a seeded source in the lines' key order. */
function marks(fx: Fixtures, lines: { asset_id: string; expected_location_id: string | null }[]) {
  const r = rng(20261126);
  const result = picker(
    r,
    RESULT_SHARES.map((s) => s[0]),
    RESULT_SHARES.map((s) => s[1]),
  );
  const rooms = fx.importSite.rooms;
  const base = Date.now() - 14 * 86_400_000;
  return lines.map((l): Mark => {
    const x = result();
    const at = new Date(base + Math.floor(r() * 13 * 86_400_000)).toISOString();
    if (x === 'pending') return [x, null, null];
    if (x === 'missing') return [x, null, at];
    const elsewhere = rooms[Math.floor(r() * rooms.length)]!.id;
    return [x, x === 'wrong_place' ? elsewhere : l.expected_location_id, at];
  });
}

async function markLines(h: Houqin, fx: Fixtures, id: string): Promise<void> {
  const select =
    'select asset_id, expected_location_id from ast_stocktake_lines where stocktake_id = ? order by asset_id';
  if (!h.databaseUrl) {
    const db = new Database(path.join(h.dataDir, 'houqin.sqlite'));
    try {
      db.pragma('busy_timeout = 10000');
      const lines = db.prepare(select).all(id) as Parameters<typeof marks>[1];
      const update = db.prepare(
        `update ast_stocktake_lines set result = ?, found_location_id = ?, counted_at = ?, counted_by = ?
         where stocktake_id = ? and asset_id = ?`,
      );
      const all = marks(fx, lines);
      db.transaction(() => {
        lines.forEach((l, i) => {
          const [result, found, at] = all[i]!;
          update.run(result, found, at, at && fx.adminUserId, id, l.asset_id);
        });
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: h.databaseUrl });
  await client.connect();
  try {
    const { rows: lines } = await client.query<Parameters<typeof marks>[1][number]>(
      select.replace('?', '$1'),
      [id],
    );
    const all = marks(fx, lines);
    await client.query('begin');
    for (let i = 0; i < lines.length; i += 20_000) {
      const part = lines.slice(i, i + 20_000);
      const m = all.slice(i, i + 20_000);
      await client.query(
        `update ast_stocktake_lines l
            set result = v.result, found_location_id = v.found, counted_at = v.at,
                counted_by = case when v.at is null then null else $5::uuid end
           from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[]) as v(asset_id, result, found, at)
          where l.stocktake_id = $6 and l.asset_id = v.asset_id`,
        [
          part.map((l) => l.asset_id),
          m.map((x) => x[0]),
          m.map((x) => x[1]),
          m.map((x) => x[2]),
          fx.adminUserId,
          id,
        ],
      );
    }
    await client.query('commit');
    await client.query('vacuum analyze ast_stocktake_lines');
  } finally {
    await client.end();
  }
}
