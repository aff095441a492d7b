import type { SelectQueryBuilder } from 'kysely';
import type { SiteScope } from '../../platform/access/access.ts';
import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import type { Database } from '../../platform/db/database.ts';
import { containsText } from '../../platform/db/dialect.ts';
import { inChunks } from './batches.ts';
import type { Location, LocationListFilter } from './schema.ts';
import type { LocationsTable } from './tables.ts';

export type LocationRowType = LocationsTable;
type LocationRow = LocationRowType;

export function locationFromRow(r: LocationRow, path: string): Location {
  return {
    id: r.id,
    siteId: r.site_id,
    parentId: r.parent_id,
    type: r.type as Location['type'],
    code: r.code,
    name: r.name,
    areaM2: r.area_m2 === null ? null : Number(r.area_m2),
    qrToken: r.qr_token,
    sortOrder: r.sort_order,
    active: r.active === 1,
    path,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findLocationRow(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<LocationRow | undefined> {
  return db
    .selectFrom('locations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Full paths ("门诊楼 / 3F / 301") for many locations at once: one query per
 * tree level (a handful), never one per row.
 */
export async function locationPaths(
  db: DbOrTx,
  orgId: string,
  rows: readonly LocationRow[],
): Promise<Map<string, string>> {
  const known = new Map<string, { name: string; parentId: string | null }>();
  for (const r of rows) known.set(r.id, { name: r.name, parentId: r.parent_id });
  let missing = [
    ...new Set(rows.map((r) => r.parent_id).filter((p): p is string => !!p && !known.has(p))),
  ];
  for (let depth = 0; missing.length > 0 && depth < 20; depth++) {
    const parents = await db
      .selectFrom('locations')
      .select(['id', 'name', 'parent_id'])
      .where('org_id', '=', orgId)
      .where('id', 'in', missing)
      .execute();
    for (const p of parents) known.set(p.id, { name: p.name, parentId: p.parent_id });
    missing = [
      ...new Set(parents.map((p) => p.parent_id).filter((p): p is string => !!p && !known.has(p))),
    ];
  }
  const out = new Map<string, string>();
  for (const r of rows) {
    const names: string[] = [];
    let cur: string | null = r.id;
    for (let i = 0; cur && i < 20; i++) {
      const node = known.get(cur);
      if (!node) break;
      names.unshift(node.name);
      cur = node.parentId;
    }
    out.set(r.id, names.join(' / '));
  }
  return out;
}

function applyScope<O>(q: SelectQueryBuilder<Database, 'locations', O>, scope: SiteScope) {
  return scope === 'all' ? q : q.where('locations.site_id', 'in', scope.length ? scope : ['-']);
}

export async function listLocationRows(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  scope: SiteScope,
  f: LocationListFilter,
) {
  let q = applyScope(db.selectFrom('locations').where('org_id', '=', orgId), scope);
  if (f.siteId) q = q.where('site_id', '=', f.siteId);
  if (f.parentId === 'root') q = q.where('parent_id', 'is', null);
  else if (f.parentId) q = q.where('parent_id', '=', f.parentId);
  if (f.under) {
    const under = f.under;
    // Every descendant, however deep (areas nest): one recursive query, not a loop per level.
    const subtree = db
      .withRecursive('subtree(id)', (cte) =>
        cte
          .selectFrom('locations as l')
          .select('l.id')
          .where('l.org_id', '=', orgId)
          .where('l.parent_id', '=', under)
          .unionAll((u) =>
            u
              .selectFrom('locations as c')
              .innerJoin('subtree', 'subtree.id', 'c.parent_id')
              .select('c.id'),
          ),
      )
      .selectFrom('subtree')
      .select('subtree.id');
    q = q.where('locations.id', 'in', subtree);
  }
  if (f.ids) q = q.where('locations.id', 'in', f.ids);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(dialect, 'name', text), containsText(dialect, 'code', text)]),
    );
  }
  const sortColumn = (
    {
      code: 'code',
      name: 'name',
      type: 'type',
      sortOrder: 'sort_order',
      createdAt: 'created_at',
    } as const
  )[f.sort];
  let ordered = q.selectAll().orderBy(sortColumn, f.order);
  // Siblings with equal tree positions (new ones are 0) follow their codes: 101, 102…
  if (f.sort === 'sortOrder') ordered = ordered.orderBy('code', f.order);
  const [rows, count] = await Promise.all([
    ordered
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Codes of the given locations by id (parent codes in an export). */
export async function locationCodesByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks(ids, (slice) =>
    db
      .selectFrom('locations')
      .select(['id', 'code'])
      .where('org_id', '=', orgId)
      .where('id', 'in', slice)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** One site's locations with the given codes (existing rows and parents in an import). */
export async function findLocationRowsByCodes(
  db: DbOrTx,
  orgId: string,
  siteId: string,
  codes: readonly string[],
): Promise<LocationRowType[]> {
  return inChunks(codes, (slice) =>
    db
      .selectFrom('locations')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('site_id', '=', siteId)
      .where('code', 'in', slice)
      .execute(),
  );
}
