import { sql } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { readJson } from '../../../platform/db/dialect.ts';
import { mayCount, mayManage, seenSites, loadStocktake, type StocktakeRow } from './access.ts';
import type {
  LineFilter,
  LineResult,
  Stocktake,
  StocktakeDetail,
  StocktakeListFilter,
  StocktakeScope,
} from './schema.ts';
import { AssetsP } from '../policy.ts';

/*
 * Reading campaigns: the list, one campaign with its progress per room, and
 * its lines. Every figure is an SQL aggregate over the lines (indexed by
 * stock-take and result, and by stock-take and expected place).
 */

type Named = { id: string; name: string } | null;

async function names(
  db: DbOrTx,
  table: 'locations' | 'departments' | 'ast_categories',
  ids: string[],
) {
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
  for (const r of rows) out.set(r.id, r.name);
  return out;
}
const named = (map: Map<string, string>, id: string | null | undefined): Named =>
  id && map.has(id) ? { id, name: map.get(id)! } : null;

async function toStocktakes(db: DbOrTx, rows: StocktakeRow[]): Promise<Stocktake[]> {
  if (!rows.length) return [];
  const scopes = rows.map((r) => readJson<StocktakeScope>(r.scope));
  const pick = (k: keyof StocktakeScope) => scopes.map((s) => s[k]).filter((v): v is string => !!v);
  const [places, depts, cats, sites, users, counted] = await Promise.all([
    names(db, 'locations', [...pick('buildingId'), ...pick('locationId')]),
    names(db, 'departments', pick('departmentId')),
    names(db, 'ast_categories', pick('categoryId')),
    db
      .selectFrom('sites')
      .select(['id', 'name'])
      .where(
        'id',
        'in',
        rows.map((r) => r.site_id),
      )
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where(
        'id',
        'in',
        rows.map((r) => r.created_by ?? '00000000-0000-0000-0000-000000000000'),
      )
      .execute(),
    db
      .selectFrom('ast_stocktake_lines')
      .select(['stocktake_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(
        'stocktake_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('result', '<>', 'pending')
      .groupBy('stocktake_id')
      .execute(),
  ]);
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const countedOf = new Map(counted.map((c) => [c.stocktake_id, Number(c.n)]));
  return rows.map((r, i) => {
    const s = scopes[i]!;
    return {
      id: r.id,
      number: r.number,
      name: r.name,
      status: r.status as Stocktake['status'],
      site: { id: r.site_id, name: siteName.get(r.site_id) ?? '' },
      scope: {
        building: named(places, s.buildingId),
        location: named(places, s.locationId),
        department: named(depts, s.departmentId),
        category: named(cats, s.categoryId),
      },
      expectedCount: r.expected_count,
      countedCount: countedOf.get(r.id) ?? 0,
      startedAt: r.started_at,
      closedAt: r.closed_at,
      createdBy: (r.created_by && userName.get(r.created_by)) ?? null,
    };
  });
}

export async function listStocktakes(db: DbOrTx, actor: Actor, f: StocktakeListFilter) {
  const sites = seenSites(actor);
  let q = db.selectFrom('ast_stocktakes').where('org_id', '=', actor.orgId);
  if (sites !== 'all' && !sites.length)
    return { items: [], total: 0, page: f.page, pageSize: f.pageSize };
  if (sites !== 'all') q = q.where('site_id', 'in', sites);
  if (f.siteId) q = q.where('site_id', '=', f.siteId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', like), eb('number', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: await toStocktakes(db, rows),
    total: Number(total.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}

const RESULTS: LineResult[] = ['pending', 'found', 'missing', 'wrong_place', 'damaged'];
const countOf = (result: LineResult) =>
  sql<number>`sum(case when l.result = ${result} then 1 else 0 end)`;

export async function getStocktakeDetail(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<StocktakeDetail> {
  const row = await loadStocktake(db, actor, id);
  const [base] = await toStocktakes(db, [row]);
  const rooms = await db
    .selectFrom('ast_stocktake_lines as l')
    .leftJoin('locations as loc', 'loc.id', 'l.expected_location_id')
    .select([
      'l.expected_location_id as locationId',
      'loc.name as locationName',
      (eb) => eb.fn.countAll<number>().as('expected'),
      countOf('found').as('found'),
      countOf('wrong_place').as('wrong_place'),
      countOf('damaged').as('damaged'),
      countOf('missing').as('missing'),
      countOf('pending').as('pending'),
    ])
    .where('l.stocktake_id', '=', id)
    .groupBy(['l.expected_location_id', 'loc.name'])
    .orderBy('loc.name')
    .execute();
  const [surplus, ops] = await Promise.all([
    db
      .selectFrom('ast_stocktake_surplus')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('stocktake_id', '=', id)
      .executeTakeFirstOrThrow(),
    operationsOf(db, row),
  ]);
  const sum = (k: 'found' | 'wrong_place' | 'damaged' | 'missing' | 'pending') =>
    rooms.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  return {
    ...base!,
    totals: {
      found: sum('found'),
      wrongPlace: sum('wrong_place'),
      damaged: sum('damaged'),
      missing: sum('missing'),
      pending: sum('pending'),
      surplus: Number(surplus.n),
    },
    rooms: rooms.map((r) => ({
      location: r.locationId && r.locationName ? { id: r.locationId, name: r.locationName } : null,
      expected: Number(r.expected),
      found: Number(r.found ?? 0),
      wrongPlace: Number(r.wrong_place ?? 0),
      damaged: Number(r.damaged ?? 0),
      missing: Number(r.missing ?? 0),
      pending: Number(r.pending ?? 0),
    })),
    operations: ops,
    may: {
      count: row.status === 'counting' && mayCount(actor, row.site_id),
      manage: mayManage(actor, row.site_id),
      export: actor.access.hasAt(AssetsP.export, row.site_id),
    },
  };
}

/** The operations the closing started, in the order they were made. */
export async function operationsOf(db: DbOrTx, row: StocktakeRow) {
  const ids = row.operation_ids ? readJson<string[]>(row.operation_ids) : [];
  if (!ids.length) return [];
  const ops = await db
    .selectFrom('ast_operations')
    .select(['id', 'number', 'kind', 'status'])
    .where('org_id', '=', row.org_id)
    .where('id', 'in', ids)
    .execute();
  return ids.map((i) => ops.find((o) => o.id === i)).filter((o) => !!o);
}

/** Lines of a campaign joined with their assets and places, for the lists and the report. */
export function joinedLines(db: DbOrTx, stocktakeId: string) {
  return db
    .selectFrom('ast_stocktake_lines as l')
    .innerJoin('ast_assets as a', 'a.id', 'l.asset_id')
    .leftJoin('locations as el', 'el.id', 'l.expected_location_id')
    .leftJoin('locations as fl', 'fl.id', 'l.found_location_id')
    .leftJoin('locations as al', 'al.id', 'a.location_id')
    .where('l.stocktake_id', '=', stocktakeId);
}

type LineJoin = {
  asset_id: string;
  tag_no: string;
  name: string;
  status: string;
  original_value_fen: number | string;
  a_loc_id: string | null;
  a_loc_name: string | null;
  el_id: string | null;
  el_name: string | null;
  fl_id: string | null;
  fl_name: string | null;
  result: string;
  counted_at: string | null;
  note: string | null;
};
const pair = (id: string | null, name: string | null): Named =>
  id && name !== null ? { id, name } : null;

export const LINE_COLUMNS = [
  'l.asset_id',
  'a.tag_no',
  'a.name',
  'a.status',
  'l.value_fen as original_value_fen',
  'al.id as a_loc_id',
  'al.name as a_loc_name',
  'el.id as el_id',
  'el.name as el_name',
  'fl.id as fl_id',
  'fl.name as fl_name',
  'l.result',
  'l.counted_at',
  'l.note',
] as const;

export function lineFromRow(r: LineJoin) {
  return {
    asset: {
      id: r.asset_id,
      tagNo: r.tag_no,
      name: r.name,
      status: r.status,
      location: pair(r.a_loc_id, r.a_loc_name),
      originalValueFen: Number(r.original_value_fen),
    },
    expectedLocation: pair(r.el_id, r.el_name),
    foundLocation: pair(r.fl_id, r.fl_name),
    result: r.result as LineResult,
    countedAt: r.counted_at,
    note: r.note,
  };
}

/** A room's lines (what is still expected there, what was found), paged. */
export async function listLines(db: DbOrTx, actor: Actor, id: string, f: LineFilter) {
  await loadStocktake(db, actor, id);
  let q = joinedLines(db, id);
  if (f.locationId) q = q.where('l.expected_location_id', '=', f.locationId);
  if (f.result && RESULTS.includes(f.result)) q = q.where('l.result', '=', f.result);
  const [rows, total] = await Promise.all([
    q
      .select([...LINE_COLUMNS])
      .orderBy('a.tag_no')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(lineFromRow),
    total: Number(total.n),
    page: f.page,
    pageSize: f.pageSize,
  };
}
