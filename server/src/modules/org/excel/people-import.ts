import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { applyPersonUpdate, insertPerson } from '../people.ts';
import { findPeopleByEmployeeNos, listAllDepartments } from '../repository.ts';
import {
  PersonCreateSchema,
  type Person,
  type PersonCreate,
  type PersonUpdate,
} from '../schema.ts';
import { ImportErrors, rowValidator } from '../../../platform/excel/import-errors.ts';
import {
  runImport,
  type ImportResult,
  type PlannedRow,
} from '../../../platform/excel/import-run.ts';
import { PEOPLE_COLUMNS, PERSON_STATUS, type PersonColumnKey } from './people-excel.ts';
import {
  optionalText,
  readImportSheet,
  type SheetRow,
} from '../../../platform/excel/read-sheet.ts';

// The department is given by code in the file and checked here.
const validate = rowValidator(PersonCreateSchema.omit({ departmentId: true }));

const HEADERS: Record<string, string> = {
  ...Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.header])),
  active: '状态',
};
const headerOf = (path: string) => HEADERS[path] ?? path;

/** The fields of a row that differ from the stored person: an empty patch means unchanged. */
function changes(before: Person, after: PersonCreate): PersonUpdate {
  const patch: PersonUpdate = {};
  if (after.name !== before.name) patch.name = after.name;
  if (after.phone !== undefined && after.phone !== before.phone) patch.phone = after.phone;
  if (after.email !== undefined && after.email !== before.email) patch.email = after.email;
  if (after.position !== undefined && after.position !== before.position)
    patch.position = after.position;
  if (after.departmentId !== undefined && after.departmentId !== before.departmentId)
    patch.departmentId = after.departmentId;
  if (after.active !== undefined && after.active !== before.active) patch.active = after.active;
  return patch;
}

/**
 * Imports people from an .xlsx. Existing employee numbers are UPDATED
 * (upsert): admins keep the staff list in the HR system and re-import it
 * every month, so rejecting known numbers would make the import useless after
 * the first time. Departments are referenced by code and must exist already.
 * Nothing is written unless every row is valid.
 */
export async function importPeople(db: Db, actor: Actor, buffer: Buffer): Promise<ImportResult> {
  const errors = new ImportErrors(actor.lang);
  const sheet = await readImportSheet(buffer, PEOPLE_COLUMNS, errors);
  return runImport(db, actor, 'person', (tx) =>
    planPeople(tx, actor, sheet.rows, new ImportErrors(actor.lang)),
  );
}

/**
 * Checks every row and plans its write, against the departments and people
 * stored now: read inside the import's transaction, so each person read here
 * is the "before" its update is applied to and audited with (see runImport).
 */
async function planPeople(
  tx: DbOrTx,
  actor: Actor,
  rows: readonly SheetRow<PersonColumnKey>[],
  errors: ImportErrors,
): Promise<PlannedRow[]> {
  const departments = new Map(
    (await listAllDepartments(tx, actor.orgId)).map((d) => [d.code, d.id]),
  );
  const numbers = rows.map((r) => r.cells.employeeNo ?? '').filter((n) => n !== '');
  const existing = new Map(
    (await findPeopleByEmployeeNos(tx, actor.orgId, numbers)).map((e) => [e.person.employeeNo, e]),
  );
  const firstRow = new Map<string, number>();
  const planned: PlannedRow[] = [];

  const check = (r: SheetRow<PersonColumnKey>): PersonCreate | undefined => {
    const c = r.cells;
    const blank = errors.requireCells(r.row, c, PEOPLE_COLUMNS);
    const data: Record<string, unknown> = { employeeNo: c.employeeNo, name: c.name };
    for (const key of ['position', 'phone', 'email'] as const) {
      const value = optionalText(c[key]);
      if (value !== undefined) data[key] = value;
    }
    if (c.status) {
      if (c.status in PERSON_STATUS) data.active = PERSON_STATUS[c.status as '在职' | '离职'];
      else
        errors.add(r.row, '状态', {
          zh: `状态「${c.status}」无效，只能填写：在职、离职`,
          en: `Status "${c.status}" is invalid; use 在职 or 离职`,
        });
    }
    let departmentId: string | null | undefined;
    if (c.departmentCode) {
      departmentId = departments.get(c.departmentCode);
      if (!departmentId)
        errors.add(r.row, '部门编码', {
          zh: `部门编码 ${c.departmentCode} 不存在，请先导入或新建该部门`,
          en: `Department code ${c.departmentCode} does not exist; import or create it first`,
        });
    } else if (c.departmentCode === '') departmentId = null;
    const parsed = validate(data);
    if (!parsed.ok) errors.addIssues(r.row, parsed.error, headerOf, blank);
    if (c.employeeNo) {
      const first = firstRow.get(c.employeeNo);
      if (first !== undefined)
        errors.add(r.row, '工号', {
          zh: `工号 ${c.employeeNo} 与第 ${first} 行重复`,
          en: `Employee number ${c.employeeNo} repeats row ${first}`,
        });
      else firstRow.set(c.employeeNo, r.row);
    }
    if (!parsed.ok || errors.hasRow(r.row)) return undefined;
    return { ...parsed.value, ...(departmentId !== undefined && { departmentId }) };
  };

  for (const r of rows) {
    const input = check(r);
    if (!input) continue;
    const found = existing.get(input.employeeNo);
    if (found?.deleted) {
      errors.add(r.row, '工号', {
        zh: `工号 ${input.employeeNo} 属于已删除的人员，不能再次使用`,
        en: `Employee number ${input.employeeNo} belongs to a deleted person and cannot be reused`,
      });
    } else if (!found) {
      planned.push({
        row: r.row,
        kind: 'create',
        apply: async (tx) => void (await insertPerson(tx, actor, input)),
      });
    } else {
      const patch = changes(found.person, input);
      planned.push(
        Object.keys(patch).length === 0
          ? { row: r.row, kind: 'unchanged' }
          : {
              row: r.row,
              kind: 'update',
              apply: (tx) => applyPersonUpdate(tx, actor, found.person, patch),
            },
      );
    }
  }
  errors.throwIfAny(rows.length);
  return planned;
}
