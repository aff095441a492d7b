import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { SiteScope } from '../../platform/access/access.ts';
import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import type { Database } from '../../platform/db/database.ts';
import { containsText, readJson } from '../../platform/db/dialect.ts';
import type {
  DepartmentListFilter,
  LocationListFilter,
  PeopleListFilter,
  Department,
  Location,
  Person,
  Site,
} from './schema.ts';
import { DEFAULT_SETTINGS, type OrgSettings } from './settings.ts';
import type {
  DepartmentsTable,
  LocationsTable,
  OrganizationsTable,
  PeopleTable,
  SitesTable,
} from './tables.ts';

// ---- organisations -------------------------------------------------------

export type Organization = {
  id: string;
  name: string;
  timezone: string;
  settings: OrgSettings;
  createdAt: string;
  updatedAt: string;
};

export function orgFromRow(r: Selectable<OrganizationsTable>): Organization {
  const stored = readJson<Partial<OrgSettings>>(r.settings);
  return {
    id: r.id,
    name: r.name,
    timezone: r.timezone,
    settings: { ...DEFAULT_SETTINGS, ...stored },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function countOrganizations(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOrganization(
  db: DbOrTx,
  orgId: string,
): Promise<Organization | undefined> {
  const row = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row && orgFromRow(row);
}

export async function listOrganizationIds(db: DbOrTx): Promise<string[]> {
  return (await db.selectFrom('organizations').select('id').execute()).map((r) => r.id);
}

// ---- sites --------------------------------------------------------------

export function siteFromRow(r: SitesTable): Site {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    address: r.address,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listSites(db: DbOrTx, orgId: string, scope: SiteScope): Promise<Site[]> {
  let q = db.selectFrom('sites').selectAll().where('org_id', '=', orgId);
  if (scope !== 'all') {
    if (scope.length === 0) return [];
    q = q.where('id', 'in', scope);
  }
  return (await q.orderBy('code').execute()).map(siteFromRow);
}

export async function findSite(db: DbOrTx, orgId: string, id: string): Promise<Site | undefined> {
  const row = await db
    .selectFrom('sites')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && siteFromRow(row);
}

// ---- locations ----------------------------------------------------------

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
  if (f.type) q = q.where('type', '=', f.type);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(dialect, 'name', text), containsText(dialect, 'code', text)]),
    );
  }
  const sortColumn = (
    { code: 'code', name: 'name', type: 'type', createdAt: 'created_at' } as const
  )[f.sort];
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(sortColumn, f.order)
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

// ---- departments --------------------------------------------------------

export function departmentFromRow(r: DepartmentsTable): Department {
  return {
    id: r.id,
    parentId: r.parent_id,
    siteId: r.site_id,
    code: r.code,
    name: r.name,
    sortOrder: r.sort_order,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findDepartmentRow(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('departments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listDepartments(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  f: DepartmentListFilter,
) {
  let q = db.selectFrom('departments').where('org_id', '=', orgId);
  if (f.parentId === 'root') q = q.where('parent_id', 'is', null);
  else if (f.parentId) q = q.where('parent_id', '=', f.parentId);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText(dialect, 'name', text), containsText(dialect, 'code', text)]),
    );
  }
  const sortColumn = ({ code: 'code', name: 'name', createdAt: 'created_at' } as const)[f.sort];
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(sortColumn, f.order)
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(departmentFromRow), total: Number(count.n) };
}

export async function listAllDepartments(db: DbOrTx, orgId: string): Promise<Department[]> {
  return (
    await db
      .selectFrom('departments')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('sort_order')
      .orderBy('code')
      .execute()
  ).map(departmentFromRow);
}

// ---- people -------------------------------------------------------------

type PersonJoined = PeopleTable & { department_name: string | null };

export function personFromRow(r: PersonJoined): Person {
  return {
    id: r.id,
    employeeNo: r.employee_no,
    name: r.name,
    phone: r.phone,
    email: r.email,
    departmentId: r.department_id,
    departmentName: r.department_name,
    position: r.position,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function peopleBase(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('people')
    .leftJoin('departments', (j) =>
      j.onRef('departments.id', '=', 'people.department_id').on('departments.org_id', '=', orgId),
    )
    .where('people.org_id', '=', orgId)
    .where('people.deleted_at', 'is', null);
}

export async function findPerson(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<Person | undefined> {
  const row = await peopleBase(db, orgId)
    .selectAll('people')
    .select('departments.name as department_name')
    .where('people.id', '=', id)
    .executeTakeFirst();
  return row && personFromRow(row);
}

export async function listPeople(
  db: DbOrTx,
  dialect: DialectName,
  orgId: string,
  f: PeopleListFilter & { limitAll?: boolean },
) {
  // Filters touch people only; the department join is for the page's names,
  // so the count does not pay for it.
  let q = db
    .selectFrom('people')
    .where('people.org_id', '=', orgId)
    .where('people.deleted_at', 'is', null);
  if (f.departmentId) q = q.where('people.department_id', '=', f.departmentId);
  if (f.active !== undefined) q = q.where('people.active', '=', f.active ? 1 : 0);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        containsText(dialect, 'people.name', text),
        containsText(dialect, 'people.employee_no', text),
        containsText(dialect, 'people.phone', text),
      ]),
    );
  }
  const sortColumn = (
    {
      employeeNo: 'people.employee_no',
      name: 'people.name',
      createdAt: 'people.created_at',
    } as const
  )[f.sort];
  let page = q
    .leftJoin('departments', (j) =>
      j.onRef('departments.id', '=', 'people.department_id').on('departments.org_id', '=', orgId),
    )
    .selectAll('people')
    .select('departments.name as department_name')
    .orderBy(sortColumn, f.order)
    .orderBy('people.id');
  if (!f.limitAll) page = page.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const [rows, count] = await Promise.all([
    page.execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(personFromRow), total: Number(count.n) };
}

// ---- batches for Excel export and import ---------------------------------

/**
 * Walks every row a paged list function matches, one page at a time, so an
 * export of 100k rows never holds them all in memory. It calls the list
 * functions above unchanged (same filters, same order as the screen); pages
 * are read by offset, so a row added or removed while an export runs may
 * shift a page boundary by one row, which is acceptable for a snapshot file.
 */
export async function* iterateInBatches<T>(
  fetchPage: (page: number, pageSize: number) => Promise<readonly T[]>,
  // Offset paging costs more the deeper it goes: 5,000-row pages read 100k
  // people in ~1 s where 1,000-row pages take ~4 s, and hold only a few MB.
  batchSize = 5000,
): AsyncGenerator<T[]> {
  for (let page = 1; ; page++) {
    const rows = await fetchPage(page, batchSize);
    if (rows.length > 0) yield [...rows];
    if (rows.length < batchSize) return;
  }
}

// Both databases cap bound parameters (SQLite 32766, PostgreSQL 65535);
// IN lists are sent in slices well below either.
const IN_CHUNK = 500;

async function inChunks<K, R>(
  keys: readonly K[],
  query: (slice: K[]) => Promise<R[]>,
): Promise<R[]> {
  const unique = [...new Set(keys)];
  const out: R[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    out.push(...(await query(unique.slice(i, i + IN_CHUNK))));
  }
  return out;
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

/** Codes of the given departments by id (department and parent codes in an export). */
export async function departmentCodesByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rows = await inChunks(ids, (slice) =>
    db
      .selectFrom('departments')
      .select(['id', 'code'])
      .where('org_id', '=', orgId)
      .where('id', 'in', slice)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/**
 * People with the given employee numbers, soft-deleted ones included: a
 * deleted person's number stays taken (see deletePerson), so an import must
 * see it too.
 */
export async function findPeopleByEmployeeNos(
  db: DbOrTx,
  orgId: string,
  employeeNos: readonly string[],
): Promise<{ person: Person; deleted: boolean }[]> {
  const rows = await inChunks(employeeNos, (slice) =>
    db
      .selectFrom('people')
      .leftJoin('departments', (j) =>
        j.onRef('departments.id', '=', 'people.department_id').on('departments.org_id', '=', orgId),
      )
      .selectAll('people')
      .select('departments.name as department_name')
      .where('people.org_id', '=', orgId)
      .where('people.employee_no', 'in', slice)
      .execute(),
  );
  return rows.map((r) => ({ person: personFromRow(r), deleted: r.deleted_at !== null }));
}
