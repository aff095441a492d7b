import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../context.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { AppError, conflict } from '../errors.ts';
import { newId } from '../ids.ts';
import { importInvalid } from './import-errors.ts';

/** The 200 answer of an import. */
export type ImportResult = { created: number; updated: number; unchanged: number; total: number };

/** One checked row and the write it needs; `apply` is absent when nothing changes. */
export type PlannedRow = {
  row: number;
  kind: 'create' | 'update' | 'unchanged';
  apply?: (tx: DbOrTx) => Promise<void>;
};

const COUNTER = { create: 'created', update: 'updated', unchanged: 'unchanged' } as const;

// One retry: a second conflict on the same rows means someone is editing
// them right now, and the user is better told than kept waiting.
const ATTEMPTS = 2;

/**
 * Plans and writes an import in one transaction, so it lands whole or not at
 * all. `plan` reads the stored rows it compares the file with and checks
 * every row; it runs inside the transaction so that the rows it hands to the
 * update functions (the audit's "before") are the ones being changed. On
 * PostgreSQL the transaction is REPEATABLE READ: if someone else changes a
 * row after `plan` read it, our update of that row fails (40001) instead of
 * overwriting their change with a patch computed from the old row. The
 * import is then planned again on the rows as they are now, once, and after
 * that answers 409 (so `plan` must start from scratch each time it is
 * called). SQLite runs one transaction at a time anyway.
 *
 * Planned rows are written in the order given (parents first). Each goes
 * through the module's own insert/update code, which writes its audit row;
 * the import itself gets one more audit row with its counts. A rule that
 * only the database can check (a code taken by someone else a moment ago)
 * still ends as a row error, with everything rolled back.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  entityType: string,
  plan: (tx: DbOrTx) => Promise<readonly PlannedRow[]>,
): Promise<ImportResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (tx) => applyPlanned(tx, actor, entityType, await plan(tx)));
    } catch (err) {
      if (!isConcurrentUpdate(err)) throw err;
      if (attempt >= ATTEMPTS) {
        throw conflict({
          zh: '导入期间有人正在修改其中的数据，未导入任何数据，请稍后重新上传该文件',
          en: 'Someone is changing some of these records; nothing was imported. Upload the file again shortly',
        });
      }
    }
  }
}

async function applyPlanned(
  tx: DbOrTx,
  actor: Actor,
  entityType: string,
  planned: readonly PlannedRow[],
): Promise<ImportResult> {
  const total = planned.length;
  if (total === 0) {
    throw new AppError(422, 'IMPORT_EMPTY', {
      zh: '文件中没有数据行（第 1 行为表头，数据从第 2 行开始）',
      en: 'The file has no data rows (row 1 is the header, data starts at row 2)',
    });
  }
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, total };
  for (const p of planned) result[COUNTER[p.kind]] += 1;
  for (const p of planned) {
    if (!p.apply) continue;
    try {
      await p.apply(tx);
    } catch (err) {
      if (err instanceof AppError && err.status < 500) {
        throw importInvalid([{ row: p.row, column: '', message: err.text[actor.lang] }], total);
      }
      throw err;
    }
  }
  await recordAudit(tx, actor, {
    action: 'import',
    entityType,
    entityId: newId(),
    after: result,
  });
  return result;
}

/** PostgreSQL's serialization failure and deadlock: another transaction got to the rows first. */
function isConcurrentUpdate(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}
