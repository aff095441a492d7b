import type { Actor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/connect.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './repository.ts';
import type { Person, PersonCreate, PersonUpdate } from './schema.ts';

const PERSON = { zh: '人员', en: 'Person' };

export async function getPerson(db: DbOrTx, orgId: string, id: string): Promise<Person> {
  const p = await repo.findPerson(db, orgId, id);
  if (!p) throw notFound(PERSON);
  return p;
}

async function checkDepartment(tx: DbOrTx, orgId: string, departmentId: string | null | undefined) {
  if (departmentId && !(await repo.findDepartmentRow(tx, orgId, departmentId)))
    throw notFound({ zh: '部门', en: 'Department' });
}

function numberTaken(no: string) {
  return conflict({ zh: `工号 ${no} 已存在`, en: `Employee number ${no} already exists` });
}

/** Inserts one person in the caller's transaction (create and Excel import). */
export async function insertPerson(tx: DbOrTx, actor: Actor, input: PersonCreate): Promise<string> {
  await checkDepartment(tx, actor.orgId, input.departmentId);
  const id = newId();
  const now = new Date().toISOString();
  const row = {
    id,
    org_id: actor.orgId,
    employee_no: input.employeeNo,
    name: input.name,
    phone: input.phone ?? null,
    email: input.email ?? null,
    department_id: input.departmentId ?? null,
    position: input.position ?? null,
    active: input.active === false ? 0 : 1,
    deleted_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await tx.insertInto('people').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw numberTaken(input.employeeNo);
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'person',
    entityId: id,
    after: row,
  });
  return id;
}

export async function createPerson(db: Db, actor: Actor, input: PersonCreate): Promise<Person> {
  const id = await db.transaction().execute((tx) => insertPerson(tx, actor, input));
  return getPerson(db, actor.orgId, id);
}

/** Applies a change to a person in the caller's transaction (PATCH and Excel import), audited. */
export async function applyPersonUpdate(
  tx: DbOrTx,
  actor: Actor,
  before: Person,
  patch: PersonUpdate,
): Promise<void> {
  await checkDepartment(tx, actor.orgId, patch.departmentId);
  try {
    await tx
      .updateTable('people')
      .set({
        ...(patch.employeeNo !== undefined && { employee_no: patch.employeeNo }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.phone !== undefined && { phone: patch.phone }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.departmentId !== undefined && { department_id: patch.departmentId }),
        ...(patch.position !== undefined && { position: patch.position }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: new Date().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', before.id)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw numberTaken(patch.employeeNo ?? '');
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'person',
    entityId: before.id,
    before,
    after: patch,
  });
}

export async function updatePerson(
  db: Db,
  actor: Actor,
  id: string,
  patch: PersonUpdate,
): Promise<Person> {
  await db.transaction().execute(async (tx) => {
    await applyPersonUpdate(tx, actor, await getPerson(tx, actor.orgId, id), patch);
  });
  return getPerson(db, actor.orgId, id);
}

/**
 * People are soft-deleted: work orders, trainings and appraisals years back
 * still name them. The employee number stays taken.
 */
export async function deletePerson(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await getPerson(tx, actor.orgId, id);
    const now = new Date().toISOString();
    await tx
      .updateTable('people')
      .set({ deleted_at: now, active: 0, updated_at: now })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, { action: 'delete', entityType: 'person', entityId: id, before });
  });
}
