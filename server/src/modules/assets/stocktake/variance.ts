import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import type { ExportSheet, ExportValue } from '../../../platform/excel/export-stream.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import { loadStocktake, type StocktakeRow } from './access.ts';
import { joinedLines, LINE_COLUMNS, lineFromRow } from './read-stocktakes.ts';
import type { Surplus, Variance, VarianceFilter } from './schema.ts';

/*
 * The variance report (盘点差异): missing (not found yet counts as missing,
 * as it will on closing), wrong place, damaged — each with its count and
 * original value — and the surplus. One grouped aggregate over the lines.
 */

const MISSING = ['missing', 'pending'];
const resultsOf = (kind: VarianceFilter['kind']) =>
  kind === 'missing' ? MISSING : kind ? [kind] : [...MISSING, 'wrong_place', 'damaged'];

export async function varianceReport(
  db: DbOrTx,
  actor: Actor,
  id: string,
  f: VarianceFilter,
): Promise<Variance> {
  const st = await loadStocktake(db, actor, id);
  const figures = await db
    .selectFrom('ast_stocktake_lines as l')
    .select([
      'l.result',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`coalesce(sum(l.value_fen), 0)`.as('value'),
    ])
    .where('l.stocktake_id', '=', id)
    .where('l.result', '<>', 'found')
    .groupBy('l.result')
    .execute();
  const fig = (results: string[]) =>
    figures
      .filter((r) => results.includes(r.result))
      .reduce(
        (s, r) => ({ count: s.count + Number(r.n), valueFen: s.valueFen + Number(r.value) }),
        {
          count: 0,
          valueFen: 0,
        },
      );
  const q = joinedLines(db, id).where('l.result', 'in', resultsOf(f.kind));
  const [rows, surplus] = await Promise.all([
    q
      .select([...LINE_COLUMNS])
      // The primary key's order (UUIDv7: registration order, a batch in tag order): the
      // first page stops after 20 rows instead of sorting 100,000.
      .orderBy('l.asset_id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    surplusOf(db, st),
  ]);
  // The lines' total is the figures' own counts: no second pass over the lines.
  const total = figures
    .filter((r) => resultsOf(f.kind).includes(r.result))
    .reduce((s, r) => s + Number(r.n), 0);
  return {
    summary: {
      missing: fig(MISSING),
      wrongPlace: fig(['wrong_place']),
      damaged: fig(['damaged']),
      surplus: { count: surplus.length },
    },
    lines: {
      items: rows.map(lineFromRow),
      total,
      page: f.page,
      pageSize: f.pageSize,
    },
    surplus,
  };
}

/** The surplus entries with their cards; `registered` when the closing made the card. */
export async function surplusOf(db: DbOrTx, st: StocktakeRow): Promise<Surplus[]> {
  const rows = await db
    .selectFrom('ast_stocktake_surplus as s')
    .leftJoin('locations as loc', 'loc.id', 's.location_id')
    .leftJoin('ast_assets as a', 'a.id', 's.asset_id')
    .select([
      's.id',
      's.name',
      's.tag_no',
      's.location_id',
      'loc.name as loc_name',
      's.note',
      's.counted_at',
      's.asset_id',
      'a.code',
      'a.tag_no as card_tag',
      'a.status as card_status',
    ])
    .where('s.stocktake_id', '=', st.id)
    .orderBy('s.counted_at')
    .limit(1000)
    .execute();
  const made = await registeredBy(db, st);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    tagNo: r.tag_no,
    location: r.location_id && r.loc_name ? { id: r.location_id, name: r.loc_name } : null,
    note: r.note,
    countedAt: r.counted_at,
    card:
      r.asset_id && r.code
        ? { id: r.asset_id, code: r.code, tagNo: r.card_tag!, status: r.card_status! }
        : null,
    registered: !!r.asset_id && made.has(r.asset_id),
  }));
}

/** Cards registered by the campaign's closing: the lines of its 'register' operation. */
async function registeredBy(db: DbOrTx, st: StocktakeRow): Promise<Set<string>> {
  const ids = st.operation_ids ? readJson<string[]>(st.operation_ids) : [];
  if (!ids.length) return new Set();
  const lines = await db
    .selectFrom('ast_operation_lines as ol')
    .innerJoin('ast_operations as o', 'o.id', 'ol.operation_id')
    .select('ol.asset_id')
    .where('o.id', 'in', ids)
    .where('o.kind', '=', 'register')
    .execute();
  return new Set(lines.map((l) => l.asset_id));
}

const RESULT_LABEL: Record<string, string> = {
  pending: '未盘到',
  missing: '盘亏',
  wrong_place: '位置不符',
  damaged: '损坏',
  surplus: '盘盈',
};

/** The whole report as .xlsx, streamed in batches (money in 元). */
export async function varianceExport(db: DbOrTx, actor: Actor, id: string): Promise<ExportSheet> {
  const st = await loadStocktake(db, actor, id);
  async function* batches(): AsyncGenerator<ExportValue[][]> {
    for (let page = 1; ; page++) {
      const rows = await joinedLines(db, id)
        .where('l.result', 'in', resultsOf(undefined))
        .select([...LINE_COLUMNS])
        .orderBy('l.result')
        .orderBy('a.tag_no')
        .limit(1000)
        .offset((page - 1) * 1000)
        .execute();
      if (rows.length)
        yield rows.map((r) => [
          RESULT_LABEL[r.result] ?? r.result,
          r.tag_no,
          r.name,
          r.el_name,
          r.fl_name,
          Number(r.original_value_fen) / 100,
          r.note,
        ]);
      if (rows.length < 1000) break;
    }
    const surplus = await surplusOf(db, st);
    if (surplus.length)
      yield surplus.map((s) => [
        RESULT_LABEL.surplus!,
        s.tagNo,
        s.name,
        null,
        s.location?.name ?? null,
        null,
        [s.note, s.card && (s.registered ? `已登记 ${s.card.code}` : `卡片 ${s.card.code}`)]
          .filter(Boolean)
          .join('；') || null,
      ]);
  }
  return {
    fileName: { zh: `盘点差异-${st.number}`, ascii: `stocktake-variance-${st.number}` },
    sheetName: '盘点差异',
    columns: [
      { key: 'result', header: '差异', width: 10 },
      { key: 'tag', header: '标签号', width: 16, text: true },
      { key: 'name', header: '名称', width: 24 },
      { key: 'expected', header: '账面位置', width: 18 },
      { key: 'found', header: '实盘位置', width: 18 },
      { key: 'value', header: '原值（元）', width: 12 },
      { key: 'note', header: '备注', width: 24 },
    ],
    batches: batches(),
  };
}
