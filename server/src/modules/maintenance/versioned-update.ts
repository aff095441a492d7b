import type { Updateable } from 'kysely';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { conflict } from '../../platform/errors.ts';
import type { MntWorkOrdersTable } from './tables.ts';

/**
 * Updates an order only if nobody changed it since it was read (its version
 * is unchanged): of two people pressing buttons on the same order at once,
 * one wins and the other is told to look again — never both.
 */
export async function updateVersioned(
  tx: DbOrTx,
  orgId: string,
  row: Pick<MntWorkOrdersTable, 'id' | 'version'>,
  patch: Updateable<MntWorkOrdersTable>,
  at: string,
): Promise<void> {
  const result = await tx
    .updateTable('mnt_work_orders')
    .set({ ...patch, version: row.version + 1, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict({
      zh: '工单刚被其他人更新，请刷新后再操作',
      en: 'Someone else just changed this work order; reload it and try again',
    });
}
