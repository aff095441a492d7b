import type { Actor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/connect.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './repository.ts';
import type { Department, DepartmentCreate, DepartmentUpdate } from './schema.ts';

const DEPARTMENT = { zh: '部门', en: 'Department' };

export async function getDepartment(db: DbOrTx, orgId: string, id: string): Promise<Department> {
  const row = await repo.findDepartmentRow(db, orgId, id);
  if (!row) throw notFound(DEPARTMENT);
  return repo.departmentFromRow(row);
}

async function checkRefs(
  tx: DbOrTx,
  orgId: string,
  parentId: string | null | undefined,
  siteId: string | null | undefined,
  selfId?: string,
) {
  if (parentId) {
    if (!(await repo.findDepartmentRow(tx, orgId, parentId)))
      throw notFound({ zh: '上级部门', en: 'Parent department' });
    for (let cur: string | null = parentId, i = 0; cur && i < 50; i++) {
      if (cur === selfId)
        throw badRequest({
          zh: '不能把部门移到它自己的下级',
          en: 'A department cannot move under its own descendant',
        });
      cur = (await repo.findDepartmentRow(tx, orgId, cur))?.parent_id ?? null;
    }
  }
  if (siteId && !(await repo.findSite(tx, orgId, siteId)))
    throw notFound({ zh: '院区', en: 'Site' });
}

function codeTaken(code: string) {
  return conflict({ zh: `部门编码 ${code} 已存在`, en: `Department code ${code} already exists` });
}

/** Inserts one department in the caller's transaction (create and Excel import). */
export async function insertDepartment(
  tx: DbOrTx,
  actor: Actor,
  input: DepartmentCreate,
): Promise<string> {
  await checkRefs(tx, actor.orgId, input.parentId, input.siteId);
  const id = newId();
  const now = new Date().toISOString();
  const row = {
    id,
    org_id: actor.orgId,
    parent_id: input.parentId ?? null,
    site_id: input.siteId ?? null,
    code: input.code,
    name: input.name,
    sort_order: input.sortOrder ?? 0,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await tx.insertInto('departments').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(input.code);
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'create',
    entityType: 'department',
    entityId: id,
    after: row,
  });
  return id;
}

export async function createDepartment(
  db: Db,
  actor: Actor,
  input: DepartmentCreate,
): Promise<Department> {
  const id = await db.transaction().execute((tx) => insertDepartment(tx, actor, input));
  return getDepartment(db, actor.orgId, id);
}

/** Applies a change to a department in the caller's transaction (PATCH and Excel import), audited. */
export async function applyDepartmentUpdate(
  tx: DbOrTx,
  actor: Actor,
  before: Department,
  patch: DepartmentUpdate,
): Promise<void> {
  await checkRefs(tx, actor.orgId, patch.parentId, patch.siteId, before.id);
  try {
    await tx
      .updateTable('departments')
      .set({
        ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
        ...(patch.siteId !== undefined && { site_id: patch.siteId }),
        ...(patch.code !== undefined && { code: patch.code }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.sortOrder !== undefined && { sort_order: patch.sortOrder }),
        ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
        updated_at: new Date().toISOString(),
      })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', before.id)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(patch.code ?? '');
    throw err;
  }
  await recordAudit(tx, actor, {
    action: 'update',
    entityType: 'department',
    entityId: before.id,
    before,
    after: patch,
  });
}

export async function updateDepartment(
  db: Db,
  actor: Actor,
  id: string,
  patch: DepartmentUpdate,
): Promise<Department> {
  await db.transaction().execute(async (tx) => {
    await applyDepartmentUpdate(tx, actor, await getDepartment(tx, actor.orgId, id), patch);
  });
  return getDepartment(db, actor.orgId, id);
}
