import type { DbOrTx, DialectName } from '../../platform/db/connect.ts';
import { containsText } from '../../platform/db/dialect.ts';
import { inChunks } from './batches.ts';
import type { PeopleListFilter, Person } from './schema.ts';
import type { PeopleTable } from './tables.ts';

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
