import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { applyDepartmentUpdate, insertDepartment } from '../departments.ts';
import { listAllDepartments, listSites } from '../repository.ts';
import { DepartmentCreateSchema, type Department } from '../schema.ts';
import { DEPARTMENT_COLUMNS, type DepartmentColumnKey } from './departments-excel.ts';
import { ImportErrors, rowValidator } from '../../../platform/excel/import-errors.ts';
import {
  runImport,
  type ImportResult,
  type PlannedRow,
} from '../../../platform/excel/import-run.ts';
import { readImportSheet, type SheetRow } from '../../../platform/excel/read-sheet.ts';
import { closesLoop, parentsFirst } from './tree-order.ts';

const validate = rowValidator(DepartmentCreateSchema.pick({ code: true, name: true }));
const HEADERS: Record<string, string> = Object.fromEntries(
  DEPARTMENT_COLUMNS.map((c) => [c.key, c.header]),
);
const headerOf = (path: string) => HEADERS[path] ?? path;

/** A checked row. `parentCode`/`siteId` are undefined when the file has no such column. */
type DepartmentRow = {
  row: number;
  code: string;
  name: string;
  parentCode: string | null | undefined;
  siteId: string | null | undefined;
};

/**
 * Imports departments from an .xlsx. Existing codes are UPDATED (upsert):
 * the org chart is maintained in a sheet and re-imported after each
 * reorganisation. A parent may be any existing department or any row of the
 * file, before or after its children; rows are written parents first.
 * Nothing is written unless every row is valid.
 */
export async function importDepartments(
  db: Db,
  actor: Actor,
  buffer: Buffer,
): Promise<ImportResult> {
  const errors = new ImportErrors(actor.lang);
  const sheet = await readImportSheet(buffer, DEPARTMENT_COLUMNS, errors);
  return runImport(db, actor, 'department', (tx) =>
    planDepartments(tx, actor, sheet.rows, new ImportErrors(actor.lang)),
  );
}

/**
 * Checks every row and plans its write, against the departments and sites
 * stored now: read inside the import's transaction, so each department read
 * here is the "before" its update is applied to and audited with (see runImport).
 */
async function planDepartments(
  tx: DbOrTx,
  actor: Actor,
  rows: readonly SheetRow<DepartmentColumnKey>[],
  errors: ImportErrors,
): Promise<PlannedRow[]> {
  // An org chart has hundreds of departments, not millions: read it whole.
  const stored = await listAllDepartments(tx, actor.orgId);
  const byCode = new Map(stored.map((d) => [d.code, d]));
  const codeById = new Map(stored.map((d) => [d.id, d.code]));
  const sites = new Map((await listSites(tx, actor.orgId, 'all')).map((s) => [s.code, s.id]));

  // Pass 1: each row alone, and duplicates. Codes of rows with other errors
  // still count as defined, so their children do not get a second error.
  const inFile = new Map<string, DepartmentRow>();
  const checked: DepartmentRow[] = [];
  const check = (r: SheetRow<DepartmentColumnKey>) => {
    const c = r.cells;
    const blank = errors.requireCells(r.row, c, DEPARTMENT_COLUMNS);
    const parsed = validate({ code: c.code, name: c.name });
    if (!parsed.ok) errors.addIssues(r.row, parsed.error, headerOf, blank);
    let siteId: string | null | undefined = c.siteCode === '' ? null : undefined;
    if (c.siteCode) {
      siteId = sites.get(c.siteCode);
      if (!siteId)
        errors.add(r.row, '院区编码', {
          zh: `院区编码 ${c.siteCode} 不存在`,
          en: `Site code ${c.siteCode} does not exist`,
        });
    }
    if (!parsed.ok) return;
    const { code, name } = parsed.value;
    const first = inFile.get(code);
    if (first) {
      errors.add(r.row, '部门编码', {
        zh: `部门编码 ${code} 与第 ${first.row} 行重复`,
        en: `Department code ${code} repeats row ${first.row}`,
      });
      return;
    }
    const parentCode = c.parentCode === undefined ? undefined : c.parentCode || null;
    const row = { row: r.row, code, name, parentCode, siteId };
    inFile.set(code, row);
    if (!errors.hasRow(r.row)) checked.push(row);
  };
  rows.forEach(check);

  // Pass 2: parents, against the tree as it will be after the import.
  const parentAfter = (code: string): string | null => {
    const row = inFile.get(code);
    if (row && row.parentCode !== undefined) return row.parentCode;
    const parentId = byCode.get(code)?.parentId;
    return parentId ? (codeById.get(parentId) ?? null) : null;
  };
  // Rows with other errors are checked too: the report should be complete.
  for (const d of inFile.values()) {
    if (!d.parentCode) continue;
    if (!inFile.has(d.parentCode) && !byCode.has(d.parentCode)) {
      errors.add(d.row, '上级部门编码', {
        zh: `上级部门编码 ${d.parentCode} 不存在（系统中和本文件中都没有）`,
        en: `Parent department ${d.parentCode} exists neither in the system nor in this file`,
      });
    } else if (await closesLoop(d.code, d.parentCode, parentAfter)) {
      errors.add(d.row, '上级部门编码', {
        zh: `上级部门 ${d.parentCode} 会使部门层级形成循环`,
        en: `Parent ${d.parentCode} would make the department tree loop`,
      });
    }
  }
  errors.throwIfAny(rows.length);

  // Ids of departments created earlier in the transaction join the stored ones.
  const idOf = new Map(stored.map((d) => [d.code, d.id]));
  const parentId = (d: DepartmentRow) => (d.parentCode ? idOf.get(d.parentCode)! : null);
  const storedParentCode = (d: Department) =>
    d.parentId ? (codeById.get(d.parentId) ?? null) : null;
  return parentsFirst(
    checked,
    (d) => d.code,
    (d) => d.parentCode ?? null,
  ).map((d): PlannedRow => {
    const before = byCode.get(d.code);
    if (!before) {
      return {
        row: d.row,
        kind: 'create',
        apply: async (tx) => {
          const id = await insertDepartment(tx, actor, {
            code: d.code,
            name: d.name,
            parentId: parentId(d),
            siteId: d.siteId ?? null,
          });
          idOf.set(d.code, id);
        },
      };
    }
    const parentChanged = d.parentCode !== undefined && d.parentCode !== storedParentCode(before);
    const siteChanged = d.siteId !== undefined && d.siteId !== before.siteId;
    if (d.name === before.name && !parentChanged && !siteChanged) {
      return { row: d.row, kind: 'unchanged' };
    }
    return {
      row: d.row,
      kind: 'update',
      apply: (tx) =>
        applyDepartmentUpdate(tx, actor, before, {
          ...(d.name !== before.name && { name: d.name }),
          ...(parentChanged && { parentId: parentId(d) }),
          ...(siteChanged && { siteId: d.siteId ?? null }),
        }),
    };
  });
}
