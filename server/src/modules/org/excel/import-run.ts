import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db, DbOrTx } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
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

/**
 * Writes every planned row in one transaction, in the order given (parents
 * first), so the import lands whole or not at all. Each row goes through the
 * module's own insert/update code, which writes its audit row; the import
 * itself gets one more audit row with its counts. A rule that only the
 * database can check (a code taken by someone else a moment ago) still ends
 * as a row error, with everything rolled back.
 */
export async function applyImport(
  db: Db,
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
  await db.transaction().execute(async (tx) => {
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
  });
  return result;
}
