import type { Db } from '../db/connect.ts';
import { readJson } from '../db/dialect.ts';
import type { Delivery, DeliveryListQuery } from './schema.ts';
import type { DeliveryRow } from './send-delivery.ts';
import type { MessagePayload } from './webhook-formats.ts';

export function deliveryFromRow(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    channelId: r.channel_id,
    kind: r.kind,
    target: r.target,
    title: readJson<MessagePayload>(r.payload).title,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** The delivery log of one organisation, newest first. */
export async function listDeliveries(
  db: Db,
  orgId: string,
  query: DeliveryListQuery,
): Promise<{ items: Delivery[]; total: number }> {
  let q = db.selectFrom('notification_deliveries').where('org_id', '=', orgId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.channelId) q = q.where('channel_id', '=', query.channelId);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(deliveryFromRow), total: Number(count.n) };
}
