import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { badRequest, forbidden, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { AssetsP } from '../policy.ts';
import { seesSite } from '../operations/index.ts';

export const COMPENSATION = { zh: '赔偿记录', en: 'Compensation' };

export type EntryInput = {
  amountFen: number;
  receiptNo?: string | undefined;
  note?: string | undefined;
};

/**
 * Records a payment (by an asset manager) or a waiver (a decision: by an
 * approver) against a compensation. The amount is added only if it does not
 * take paid + waived beyond what is owed, checked by the UPDATE itself, so
 * two cashiers entering the last payment at once cannot both succeed.
 */
export async function recordCompensationEntry(
  db: Db,
  actor: Actor,
  id: string,
  kind: 'payment' | 'waiver',
  input: EntryInput,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('ast_compensations')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !seesSite(actor, row.site_id)) throw notFound(COMPENSATION);
    const needed = kind === 'payment' ? AssetsP.manage : AssetsP.approve;
    if (!actor.access.hasAt(needed, row.site_id))
      throw forbidden(
        kind === 'payment'
          ? { zh: '登记赔偿收款需要资产管理权限', en: 'Recording a payment needs assets:manage' }
          : { zh: '减免赔偿需要资产审批权限', en: 'Waiving a compensation needs assets:approve' },
      );
    const at = now.toISOString();
    const column = kind === 'payment' ? 'paid_fen' : 'waived_fen';
    const result = await tx
      .updateTable('ast_compensations')
      .set({ [column]: sql`${sql.ref(column)} + ${input.amountFen}`, updated_at: at })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where(sql<boolean>`paid_fen + waived_fen + ${input.amountFen} <= amount_fen`)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const outstanding = Number(row.amount_fen) - Number(row.paid_fen) - Number(row.waived_fen);
      throw badRequest({
        zh: `金额超过未结金额（${(outstanding / 100).toFixed(2)} 元）`,
        en: `The amount is more than what is outstanding (¥${(outstanding / 100).toFixed(2)})`,
      });
    }
    await tx
      .updateTable('ast_compensations')
      .set({ status: 'settled', settled_at: at })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .where('status', '=', 'owed')
      .where(sql<boolean>`paid_fen + waived_fen = amount_fen`)
      .execute();
    const entry = {
      id: newId(),
      org_id: actor.orgId,
      compensation_id: id,
      kind,
      amount_fen: input.amountFen,
      at,
      receipt_no: input.receiptNo ?? null,
      note: input.note ?? null,
      recorded_by: actor.userId,
    };
    await tx.insertInto('ast_compensation_entries').values(entry).execute();
    await recordAudit(tx, actor, {
      action: kind,
      entityType: 'asset_compensation',
      entityId: id,
      siteId: row.site_id,
      after: entry,
    });
  });
}
