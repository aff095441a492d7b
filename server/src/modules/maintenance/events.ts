import type { Actor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/connect.ts';
import { writeJson } from '../../platform/db/dialect.ts';
import { newId } from '../../platform/ids.ts';

/** One step of an order's history (who, when, from, to, note), in the caller's transaction. */
export async function recordEvent(
  tx: DbOrTx,
  actor: Actor,
  e: {
    workOrderId: string;
    action: string;
    from: string | null;
    to: string;
    note?: string | null | undefined;
    data?: unknown;
    at: string;
  },
): Promise<void> {
  await tx
    .insertInto('mnt_events')
    .values({
      id: newId(),
      org_id: actor.orgId,
      work_order_id: e.workOrderId,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      note: e.note ?? null,
      data: e.data === undefined ? null : writeJson(e.data),
      at: e.at,
    })
    .execute();
}
