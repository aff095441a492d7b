import type { Insertable } from 'kysely';
import type { Config } from '../config.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { writeJson } from '../db/dialect.ts';
import { newId } from '../ids.ts';
import {
  channelConfig,
  channelWants,
  isWebhookKind,
  maskWebhookUrl,
  type ChannelRow,
} from './channel-config.ts';
import type { DeliveryRow } from './send-delivery.ts';
import type { ChannelKind, NotificationsTable } from './tables.ts';
import type { MessagePayload } from './webhook-formats.ts';

export type NotifyInput = {
  orgId: string;
  /** Recipients; ids of other organisations and disabled accounts are skipped. */
  userIds: readonly string[];
  title: string;
  body: string;
  /** An in-app path (`/maintenance/orders/…`); e-mail and robots get it made absolute. */
  link?: string | null | undefined;
  /** Lets channels subscribe to some kinds of message only (e.g. `maintenance`). */
  category?: string | null | undefined;
  /** `'none'`: the in-app inbox only, no e-mail and no group robots. Default `'all'`. */
  channels?: 'all' | 'none' | undefined;
};

export type NotifyResult = { notificationIds: string[]; deliveryIds: string[] };

/** A delivery row as inserted: every column set, payload as JSON text. */
export type NewDelivery = DeliveryRow & { payload: string };

// SQLite caps bound parameters per statement; large fan-outs are inserted in slices.
const INSERT_SLICE = 200;

function slices<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += INSERT_SLICE) out.push(rows.slice(i, i + INSERT_SLICE));
  return out;
}

/** A pending delivery row, due at once. */
export function newDelivery(
  orgId: string,
  to: { kind: ChannelKind; target: string; channelId: string | null },
  payload: MessagePayload,
  now: Date,
): NewDelivery {
  return {
    id: newId(),
    org_id: orgId,
    channel_id: to.channelId,
    kind: to.kind,
    target: to.target,
    payload: writeJson(payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: now.toISOString(),
    last_error: null,
    created_at: now.toISOString(),
    sent_at: null,
  };
}

/** The deliveries one channel gets for one message: one per address, or one robot post. */
export function deliveriesForChannel(
  channel: ChannelRow,
  payload: MessagePayload,
  now: Date,
  emailEnabled: boolean,
): NewDelivery[] {
  const config = channelConfig(channel);
  if (isWebhookKind(channel.kind)) {
    const target = maskWebhookUrl(config.url ?? '');
    return [
      newDelivery(
        channel.org_id,
        { kind: channel.kind, target, channelId: channel.id },
        payload,
        now,
      ),
    ];
  }
  if (!emailEnabled) return [];
  return (config.addresses ?? []).map((address) =>
    newDelivery(
      channel.org_id,
      { kind: 'email', target: address, channelId: channel.id },
      payload,
      now,
    ),
  );
}

async function recipients(tx: DbOrTx, orgId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return tx
    .selectFrom('users')
    .leftJoin('people', (join) =>
      join
        .onRef('people.id', '=', 'users.person_id')
        .onRef('people.org_id', '=', 'users.org_id')
        .on('people.deleted_at', 'is', null),
    )
    .select(['users.id as userId', 'people.email as email'])
    .where('users.org_id', '=', orgId)
    .where('users.id', 'in', [...new Set(userIds)])
    .where('users.active', '=', 1)
    .execute();
}

/**
 * Notifies people: writes one inbox row per recipient and queues deliveries:
 * an e-mail to each recipient's person e-mail and to each e-mail channel's
 * addresses (when SMTP_URL is set), and one post per enabled group robot.
 * Runs in the caller's transaction when given one, so a notification exists
 * exactly when the change it reports was committed; the scheduler's
 * `notify.deliver` job sends the queue.
 */
export async function notify(
  db: DbOrTx,
  config: Pick<Config, 'smtpUrl'>,
  input: NotifyInput,
  now: Date = new Date(),
): Promise<NotifyResult> {
  if (!db.isTransaction) {
    return (db as Db).transaction().execute((tx) => notify(tx, config, input, now));
  }
  const link = input.link ?? null;
  const category = input.category ?? null;
  const users = await recipients(db, input.orgId, input.userIds);
  const inbox: Insertable<NotificationsTable>[] = users.map((u) => ({
    id: newId(),
    org_id: input.orgId,
    user_id: u.userId,
    title: input.title,
    body: input.body,
    link,
    category,
    created_at: now.toISOString(),
    read_at: null,
  }));
  for (const part of slices(inbox)) await db.insertInto('notifications').values(part).execute();
  const notificationIds = inbox.map((n) => n.id);
  if (input.channels === 'none') return { notificationIds, deliveryIds: [] };

  const payload: MessagePayload = { title: input.title, body: input.body, link };
  const emailEnabled = Boolean(config.smtpUrl);
  const deliveries: NewDelivery[] = [];
  const emailed = new Set<string>();
  const addEmail = (d: NewDelivery) => {
    const key = d.target.toLowerCase();
    if (!emailed.has(key)) deliveries.push(d);
    emailed.add(key);
  };
  if (emailEnabled) {
    for (const u of users) {
      if (u.email)
        addEmail(
          newDelivery(
            input.orgId,
            { kind: 'email', target: u.email, channelId: null },
            payload,
            now,
          ),
        );
    }
  }
  const channels = await db
    .selectFrom('notification_channels')
    .selectAll()
    .where('org_id', '=', input.orgId)
    .where('enabled', '=', 1)
    .orderBy('created_at')
    .execute();
  for (const channel of channels) {
    if (!channelWants(channelConfig(channel), category)) continue;
    for (const d of deliveriesForChannel(channel, payload, now, emailEnabled)) {
      if (d.kind === 'email') addEmail(d);
      else deliveries.push(d);
    }
  }
  for (const part of slices(deliveries))
    await db.insertInto('notification_deliveries').values(part).execute();
  return { notificationIds, deliveryIds: deliveries.map((d) => d.id) };
}
