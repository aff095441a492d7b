import type { Actor } from '../../../platform/context.ts';
import type { Deps } from '../../../platform/deps.ts';
import { recordAudit } from '../../../platform/audit/record-audit.ts';
import type { DbOrTx } from '../../../platform/db/connect.ts';
import { conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { StoresP } from '../policy.ts';
import { DOCUMENT, storeFor, type DocumentRow } from './document-core.ts';
import { postDocument } from './post-document.ts';
import type { DocumentKind } from './schema.ts';

export type Decision = 'approve' | 'reject' | 'cancel';

async function loadDocument(tx: DbOrTx, actor: Actor, id: string): Promise<DocumentRow> {
  const row = await tx
    .selectFrom('st_documents')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  const sees =
    row &&
    (row.requested_by === actor.userId ||
      [StoresP.read, StoresP.manage, StoresP.approve].some((p) =>
        actor.access.hasAt(p, row.site_id),
      ));
  if (!row || !sees) throw notFound(DOCUMENT);
  return row;
}

/** Who may take a decision on a pending document: approvers, or the requester (or a storekeeper) cancelling. */
export function mayDecide(actor: Actor, row: DocumentRow, decision: Decision): boolean {
  if (row.status !== 'pending_approval') return false;
  if (decision === 'cancel')
    return row.requested_by === actor.userId || actor.access.hasAt(StoresP.manage, row.site_id);
  return actor.access.hasAt(StoresP.approve, row.site_id);
}

/**
 * Approves (the stock moves now, at the average of this moment: 409 if it
 * is no longer there), rejects or cancels a pending requisition or
 * stock-take. The document is claimed with its version first, so two
 * approvers clicking at once post it once. `now` is the moment of the
 * decision (and of the stock movement when approved).
 */
export async function decideDocument(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
  id: string,
  decision: Decision,
  note: string | null | undefined,
  now = new Date(),
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await loadDocument(tx, actor, id);
    if (row.status !== 'pending_approval')
      throw conflict({
        zh: `单据 ${row.number} 已处理，不能再${decision === 'cancel' ? '撤销' : '审批'}`,
        en: `Document ${row.number} is no longer pending`,
      });
    if (!mayDecide(actor, row, decision)) throw forbidden();
    const at = now.toISOString();
    const claimed = await tx
      .updateTable('st_documents')
      .set({ version: row.version + 1, updated_at: at })
      .where('org_id', '=', actor.orgId)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .where('status', '=', 'pending_approval')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw conflict({
        zh: `单据 ${row.number} 刚被其他人处理，请刷新`,
        en: `Someone else just acted on document ${row.number}; reload it`,
      });
    const claimedRow = { ...row, version: row.version + 1 };
    if (decision === 'approve') {
      const from = await storeFor(tx, actor.orgId, row.store_id);
      await postDocument(tx, deps, claimedRow, { from }, at, actor.userId);
    } else {
      await tx
        .updateTable('st_documents')
        .set({
          status: decision === 'reject' ? 'rejected' : 'cancelled',
          ...(decision === 'reject' && { approved_by: actor.userId, approved_at: at }),
          note: note ? (row.note ? `${row.note}\n${note}` : note) : row.note,
          version: row.version + 2,
          updated_at: at,
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', row.id)
        .execute();
    }
    await recordAudit(tx, actor, {
      action: `${decision}_${row.kind as DocumentKind}`,
      entityType: 'stock_document',
      entityId: row.id,
      siteId: row.site_id,
      before: { status: row.status },
      after: { decision, note: note ?? null },
    });
  });
}

export { loadDocument };
