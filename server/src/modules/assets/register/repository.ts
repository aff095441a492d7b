import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { DbOrTx, DialectName } from '../../../platform/db/connect.ts';
import type { Database } from '../../../platform/db/database.ts';
import { containsText, readJson, startsWithText } from '../../../platform/db/dialect.ts';

import { netValue, type Depreciable } from '../depreciation.ts';
import type { AssetStatus, Condition } from '../operation-kinds.ts';
import type { AstAssetsTable } from '../tables.ts';
import type { Asset, AssetFilter } from './schema.ts';
import { visibleAssets, type AssetVisibility } from './visibility.ts';

/*
 * Reads of the register. Lists join the org reference tables (sites,
 * locations, departments, people) read-only for names, in one query per page
 * (ADR 0005).
 */

type From = Database & { a: AstAssetsTable };

export type JoinedAsset = Selectable<AstAssetsTable> & {
  category_code: string;
  category_name: string;
  site_name: string;
  location_name: string | null;
  department_name: string | null;
  custodian_name: string | null;
  custodian_employee_no: string | null;
};

export function joinedAssets(db: DbOrTx) {
  return db
    .selectFrom('ast_assets as a')
    .innerJoin('ast_categories as c', 'c.id', 'a.category_id')
    .innerJoin('sites as s', 's.id', 'a.site_id')
    .leftJoin('locations as l', 'l.id', 'a.location_id')
    .leftJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('people as p', 'p.id', 'a.custodian_person_id')
    .selectAll('a')
    .select([
      'c.code as category_code',
      'c.name as category_name',
      's.name as site_name',
      'l.name as location_name',
      'd.name as department_name',
      'p.name as custodian_name',
      'p.employee_no as custodian_employee_no',
    ]);
}

/** The depreciation inputs of a card. */
export function depreciableOf(
  r: Pick<
    Selectable<AstAssetsTable>,
    | 'original_value_fen'
    | 'depreciation_method'
    | 'life_months'
    | 'residual_bp'
    | 'in_service_date'
    | 'purchase_date'
  >,
): Depreciable {
  return {
    originalValueFen: Number(r.original_value_fen),
    method: r.depreciation_method,
    lifeMonths: r.life_months,
    residualBp: r.residual_bp,
    startDate: r.in_service_date ?? r.purchase_date,
  };
}

const named = (id: string | null, name: string | null) =>
  id && name !== null ? { id, name } : null;

/** A card as the API shows it; `today` (YYYY-MM-DD) dates the net value. */
export function assetFromRow(r: JoinedAsset, today: string): Asset {
  return {
    id: r.id,
    code: r.code,
    tagNo: r.tag_no,
    qrToken: r.qr_token,
    name: r.name,
    category: { id: r.category_id, code: r.category_code, name: r.category_name },
    model: r.model,
    unit: r.unit,
    quantity: r.quantity,
    unitPriceFen: Number(r.unit_price_fen),
    originalValueFen: Number(r.original_value_fen),
    netValueFen: netValue(depreciableOf(r), today),
    purchaseDate: r.purchase_date,
    inServiceDate: r.in_service_date,
    source: r.source,
    supplier: r.supplier,
    invoiceNo: r.invoice_no,
    warrantyEnd: r.warranty_end,
    site: { id: r.site_id, name: r.site_name },
    location: named(r.location_id, r.location_name),
    department: named(r.department_id, r.department_name),
    custodian:
      r.custodian_person_id && r.custodian_name !== null
        ? {
            id: r.custodian_person_id,
            name: r.custodian_name,
            employeeNo: r.custodian_employee_no ?? '',
          }
        : null,
    status: r.status as AssetStatus,
    condition: r.condition as Condition,
    depreciationMethod: r.depreciation_method as Asset['depreciationMethod'],
    lifeMonths: r.life_months,
    residualBp: r.residual_bp,
    custom: readJson<Record<string, unknown>>(r.custom) ?? {},
    notes: r.notes,
    openOperationId: r.open_operation_id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Ids of a category and everything under it: one recursive query. */
export function categorySubtree(db: DbOrTx, orgId: string, rootId: string) {
  return db
    .withRecursive('cat_tree(id)', (cte) =>
      cte
        .selectFrom('ast_categories as c0')
        .select('c0.id')
        .where('c0.org_id', '=', orgId)
        .where('c0.id', '=', rootId)
        .unionAll((u) =>
          u
            .selectFrom('ast_categories as c1')
            .innerJoin('cat_tree', 'cat_tree.id', 'c1.parent_id')
            .select('c1.id'),
        ),
    )
    .selectFrom('cat_tree')
    .select('cat_tree.id');
}

/** Ids of a place and every place under it (a building: its floors and rooms). */
export function locationSubtree(db: DbOrTx, orgId: string, rootId: string) {
  return db
    .withRecursive('loc_tree(id)', (cte) =>
      cte
        .selectFrom('locations as l0')
        .select('l0.id')
        .where('l0.org_id', '=', orgId)
        .where('l0.id', '=', rootId)
        .unionAll((u) =>
          u
            .selectFrom('locations as l1')
            .innerJoin('loc_tree', 'loc_tree.id', 'l1.parent_id')
            .select('l1.id'),
        ),
    )
    .selectFrom('loc_tree')
    .select('loc_tree.id');
}

/**
 * The search box, once no card has `text` as its exact code or tag (listAssetRows
 * tries that first, on the unique indexes): codes and tags that begin with it
 * (a label's number is typed from its start), names and models that contain it.
 * `table` is the alias the columns are read from.
 */
export function textMatch(dialect: DialectName, table: string, text: string) {
  return sql<boolean>`(${sql.join(
    [
      startsWithText(dialect, `${table}.code`, text),
      startsWithText(dialect, `${table}.tag_no`, text),
      containsText(dialect, `${table}.name`, text),
      containsText(dialect, `${table}.model`, text),
    ],
    sql` or `,
  )})`;
}

/** Applies the register's filters to a query on `a`. */
export function applyAssetFilters<O>(
  q: SelectQueryBuilder<From, 'a', O>,
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  f: Partial<AssetFilter> & {
    ids?: readonly string[] | undefined;
    operationId?: string | undefined;
    /** The category subtree of `categoryId`, already read (listAssetRows). */
    categoryIds?: readonly string[] | undefined;
  },
) {
  if (f.ids) {
    const ids = f.ids;
    q = q.where((eb) => (ids.length > 0 ? eb('a.id', 'in', ids) : eb.lit(false)));
  }
  if (f.operationId) {
    // The cards on the operation's lines (a registration: every card it created).
    const operationId = f.operationId;
    q = q.where('a.id', 'in', (eb) =>
      eb
        .selectFrom('ast_operation_lines as l')
        .select('l.asset_id')
        .where('l.operation_id', '=', operationId)
        .where('l.org_id', '=', orgId),
    );
  }
  if (f.siteId) q = q.where('a.site_id', '=', f.siteId);
  if (f.status) q = q.where('a.status', 'in', f.status);
  if (f.categoryIds) {
    const ids = f.categoryIds;
    q = q.where((eb) => (ids.length > 0 ? eb('a.category_id', 'in', ids) : eb.lit(false)));
  } else if (f.categoryId)
    q = q.where('a.category_id', 'in', categorySubtree(db, orgId, f.categoryId));
  if (f.departmentId) q = q.where('a.department_id', '=', f.departmentId);
  if (f.locationId) q = q.where('a.location_id', 'in', locationSubtree(db, orgId, f.locationId));
  if (f.custodianPersonId) q = q.where('a.custodian_person_id', '=', f.custodianPersonId);
  if (f.condition) q = q.where('a.condition', '=', f.condition);
  if (f.purchasedFrom) q = q.where('a.purchase_date', '>=', f.purchasedFrom);
  if (f.purchasedTo) q = q.where('a.purchase_date', '<=', f.purchasedTo);
  if (f.warrantyBefore) q = q.where('a.warranty_end', '<=', f.warrantyBefore);
  if (f.q) {
    const text = f.q;
    q = q.where(() => textMatch(dialect, 'a', text));
  }
  return q;
}

const SORT = {
  code: 'a.code',
  tagNo: 'a.tag_no',
  name: 'a.name',
  purchaseDate: 'a.purchase_date',
  value: 'a.original_value_fen',
} as const;

/** Counting stops here: "10,000+" is all a person needs, and counting a million rows is not free. */
export const COUNT_CAP = 10_000;

/**
 * A text search (names and models that contain the words) cannot use an
 * index, so its count reads at most this many cards of the other filters and
 * says "at least" when it stopped there: a full count took 0.5–2 s at a
 * million cards, the page itself (in code order, stopping at 20 matches) a
 * few milliseconds.
 */
export const SEARCH_SCAN_CAP = 5_000;

/**
 * Filters that narrow the list to one department, place or person: their
 * indexes hold a small share of the register, cheaper to sort (from the index
 * alone when sorted by code: 10,000 entries in ~4 ms) than walking the whole
 * register in code order looking for them. SQLite has no statistics (ANALYZE
 * is not run) and prefers the walk, which read every card of a campus for the
 * in-use medical equipment of one department (0.1–0.2 s at a million cards).
 */
const narrows = (f: Partial<AssetFilter>) =>
  Boolean(f.departmentId ?? f.locationId ?? f.custodianPersonId);

type ListFilter = Partial<AssetFilter> & {
  ids?: readonly string[] | undefined;
  operationId?: string | undefined;
  categoryIds?: readonly string[] | undefined;
  sort: AssetFilter['sort'];
  order: AssetFilter['order'];
};

/**
 * One page of the register as the viewer sees it, with a total that stops at
 * COUNT_CAP (or, for a text search, at what SEARCH_SCAN_CAP cards hold):
 * `capped` says the total is a lower bound.
 */
export async function listAssetRows(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  visibility: AssetVisibility,
  filter: ListFilter,
  page: { limit: number; offset: number; count: boolean },
): Promise<{ rows: JoinedAsset[]; total: number; capped: boolean }> {
  let f: ListFilter = filter;
  if (f.categoryId && !f.categoryIds) {
    // The subtree read first (a few rows) and passed as a list: PostgreSQL
    // then seeks ast_assets_filter_ix on the category too (`= any(…)`), where
    // with the subquery it read every in-use card of the department and
    // joined (41,000 index entries, 25 ms, for 5,000 cards).
    const tree = await categorySubtree(db, orgId, f.categoryId).execute();
    f = { ...f, categoryIds: tree.map((r) => r.id) };
  }
  const scoped = <O>(q: SelectQueryBuilder<From, 'a', O>, g: ListFilter = f) =>
    applyAssetFilters(
      q.where('a.org_id', '=', orgId).where(visibleAssets(visibility)),
      db,
      dialect,
      orgId,
      g,
    );
  if (f.q) {
    // A scanned label or a typed code: one row from the unique indexes, and
    // then only that card, not every card whose name happens to contain it.
    const text = f.q;
    const exact = await scoped(db.selectFrom('ast_assets as a'), { ...f, q: undefined })
      .where((eb) => eb.or([eb('a.code', '=', text), eb('a.tag_no', '=', text)]))
      .select('a.id')
      .limit(2)
      .execute();
    if (exact.length > 0) f = { ...f, q: undefined, ids: exact.map((r) => r.id) };
  }
  let total = 0;
  let capped = false;
  if (page.count && f.q) {
    const text = f.q;
    const counted = await db
      .selectFrom(
        scoped(db.selectFrom('ast_assets as a'), { ...f, q: undefined })
          .select(['a.code', 'a.tag_no', 'a.name', 'a.model'])
          .limit(SEARCH_SCAN_CAP + 1)
          .as('s'),
      )
      .select((eb) => [
        eb.fn.countAll<number>().as('scanned'),
        sql<number>`coalesce(sum(case when ${textMatch(dialect, 's', text)} then 1 else 0 end), 0)`.as(
          'n',
        ),
      ])
      .executeTakeFirstOrThrow();
    total = Math.min(Number(counted.n), COUNT_CAP);
    capped = Number(counted.scanned) > SEARCH_SCAN_CAP || Number(counted.n) > COUNT_CAP;
  } else if (page.count) {
    // `select 1`, not the id: with the filter columns indexed (ast_assets_filter_ix,
    // migration 0010) the count then reads the index alone, never the table.
    const counted = await db
      .selectFrom(
        scoped(db.selectFrom('ast_assets as a'))
          .select(sql<number>`1`.as('one'))
          .limit(COUNT_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total = Math.min(Number(counted.n), COUNT_CAP);
    capped = Number(counted.n) > COUNT_CAP;
  }
  // The page's ids first, from the filter index alone where it holds the sort
  // column (code), then the 20 cards with their names: the joins and the row
  // reads are for the page only, not for every card the filters match.
  const column = SORT[f.sort];
  const ref = sql.ref(column);
  // A department, place or custodian narrows the register to a few thousand
  // cards at most: read them from the filter index and sort them, rather than
  // walk the sort column's index over the whole register hoping to meet 20
  // soon. PostgreSQL's estimate of "soon" came from its sampled statistics and
  // flipped between runs (11 ms, then 57 ms at a million cards: 105,000 index
  // entries read for a campus manager's page), so it is not asked: an
  // expression that is not the indexed column cannot be read in its order. On
  // PostgreSQL only while the count says the matches are few (≤ COUNT_CAP).
  const sortByFilter = narrows(f) && (dialect === 'sqlite' || (page.count && !capped && !f.q));
  const key = !sortByFilter
    ? ref
    : dialect === 'sqlite'
      ? sql`+${ref}` // unary plus
      : sql`coalesce(${ref}, ${ref})`;
  const pageIds = scoped(db.selectFrom('ast_assets as a'))
    .select('a.id')
    .orderBy(key, f.order)
    .orderBy('a.id', f.order)
    .limit(page.limit)
    .offset(page.offset);
  const rows = await joinedAssets(db)
    .where('a.id', 'in', pageIds)
    .orderBy(column, f.order)
    .orderBy('a.id', f.order)
    .execute();
  // A lower bound never below what the pages already show.
  if (capped) total = Math.max(total, Math.min(page.offset + rows.length, COUNT_CAP));
  return { rows, total, capped };
}

/** One visible card by a column (id, tag, QR token). */
export async function findVisibleAsset(
  db: DbOrTx,
  orgId: string,
  visibility: AssetVisibility,
  by: { column: 'a.id' | 'a.tag_no' | 'a.qr_token'; value: string },
): Promise<JoinedAsset | undefined> {
  return joinedAssets(db)
    .where('a.org_id', '=', orgId)
    .where(by.column, '=', by.value)
    .where(visibleAssets(visibility))
    .executeTakeFirst();
}

export async function findAssetRow(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('ast_assets')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}
