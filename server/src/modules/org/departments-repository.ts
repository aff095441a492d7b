import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import { containsText } from '../../platform/db/dialect.ts';
import { inChunks } from './batches.ts';
import type { Department, DepartmentListFilter } from './schema.ts';
import type { DepartmentsTable } from './tables.ts';

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
