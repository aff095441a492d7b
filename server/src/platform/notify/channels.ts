import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../context.ts';
import type { Db, DbOrTx } from '../db/connect.ts';
import { writeJson } from '../db/dialect.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, isUniqueViolation, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import {
  channelConfig,
  isWebhookKind,
  kindTakesSecret,
  maskWebhookUrl,
  type ChannelConfig,
  type ChannelRow,
} from './channel-config.ts';
import type { Channel, ChannelCreate, ChannelUpdate } from './schema.ts';
import { isWebhookUrlAllowed, webhookUrlRefused } from './webhook-hosts.ts';

export type ChannelDeps = Pick<Deps, 'db' | 'config'>;

const CHANNEL = { zh: '通知渠道', en: 'Notification channel' };

/** The client's view of a channel: the robot URL masked, the secret reduced to `hasSecret`. */
export function channelFromRow(row: ChannelRow): Channel {
  const c = channelConfig(row);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled === 1,
    categories: c.categories ?? [],
    addresses: row.kind === 'email' ? (c.addresses ?? []) : null,
    webhookUrlMasked: isWebhookKind(row.kind) && c.url ? maskWebhookUrl(c.url) : null,
    hasSecret: Boolean(c.secret),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findChannelRow(db: DbOrTx, orgId: string, id: string): Promise<ChannelRow> {
  const row = await db
    .selectFrom('notification_channels')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(CHANNEL);
  return row;
}

export async function listChannels(db: Db, orgId: string): Promise<Channel[]> {
  const rows = await db
    .selectFrom('notification_channels')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
  return rows.map(channelFromRow);
}

export async function getChannel(db: Db, orgId: string, id: string): Promise<Channel> {
  return channelFromRow(await findChannelRow(db, orgId, id));
}

const nameTaken = (name: string) =>
  conflict({ zh: `通知渠道名称「${name}」已存在`, en: `A channel named "${name}" exists` });

/** Runs a write; a duplicate channel name becomes a 409 (after the transaction rolled back). */
async function guardName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(name);
    throw err;
  }
}

/** Creates a channel; a robot URL outside the allowed hosts is a 400. */
export async function createChannel(
  { db, config: appConfig }: ChannelDeps,
  actor: Actor,
  input: ChannelCreate,
): Promise<Channel> {
  if (
    input.kind !== 'email' &&
    !isWebhookUrlAllowed(input.kind, input.webhookUrl, appConfig.webhookAllowedHosts)
  )
    throw webhookUrlRefused(input.kind, appConfig.webhookAllowedHosts);
  const config: ChannelConfig =
    input.kind === 'email' ? { addresses: input.addresses } : { url: input.webhookUrl };
  if ('secret' in input && input.secret) config.secret = input.secret;
  if (input.categories) config.categories = input.categories;
  const now = new Date().toISOString();
  const row = {
    id: newId(),
    org_id: actor.orgId,
    kind: input.kind,
    name: input.name,
    config: writeJson(config),
    enabled: input.enabled === false ? 0 : 1,
    created_at: now,
    updated_at: now,
  } satisfies ChannelRow;
  await guardName(input.name, () =>
    db.transaction().execute(async (tx) => {
      await tx.insertInto('notification_channels').values(row).execute();
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'notification_channel',
        entityId: row.id,
        after: channelFromRow(row),
      });
    }),
  );
  return getChannel(db, actor.orgId, row.id);
}

function refuseField(field: string, kind: string) {
  return badRequest({
    zh: `${kind} 类型的渠道不能设置 ${field}`,
    en: `A ${kind} channel has no ${field}`,
  });
}

export async function updateChannel(
  { db, config: appConfig }: ChannelDeps,
  actor: Actor,
  id: string,
  patch: ChannelUpdate,
): Promise<Channel> {
  const before = await findChannelRow(db, actor.orgId, id);
  const kind = before.kind;
  if (kind === 'email' && patch.webhookUrl !== undefined) throw refuseField('webhookUrl', kind);
  if (!kindTakesSecret(kind) && patch.secret !== undefined) throw refuseField('secret', kind);
  if (kind !== 'email' && patch.addresses !== undefined) throw refuseField('addresses', kind);
  if (
    kind !== 'email' &&
    patch.webhookUrl !== undefined &&
    !isWebhookUrlAllowed(kind, patch.webhookUrl, appConfig.webhookAllowedHosts)
  )
    throw webhookUrlRefused(kind, appConfig.webhookAllowedHosts);
  const config = channelConfig(before);
  if (patch.addresses !== undefined) config.addresses = patch.addresses;
  if (patch.webhookUrl !== undefined) config.url = patch.webhookUrl;
  if (patch.categories !== undefined) config.categories = patch.categories;
  if (patch.secret === null) delete config.secret;
  else if (patch.secret !== undefined) config.secret = patch.secret;
  const name = patch.name ?? before.name;
  await guardName(name, () =>
    db.transaction().execute(async (tx) => {
      await tx
        .updateTable('notification_channels')
        .set({
          name,
          config: writeJson(config),
          ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
          updated_at: new Date().toISOString(),
        })
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
      // Queued posts go to the new URL; the log should say so.
      if (patch.webhookUrl !== undefined) {
        await tx
          .updateTable('notification_deliveries')
          .set({ target: maskWebhookUrl(patch.webhookUrl) })
          .where('org_id', '=', actor.orgId)
          .where('channel_id', '=', id)
          .where('status', '=', 'pending')
          .execute();
      }
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'notification_channel',
        entityId: id,
        before: channelFromRow(before),
        after: channelFromRow(await findChannelRow(tx, actor.orgId, id)),
      });
    }),
  );
  return getChannel(db, actor.orgId, id);
}

/** Deletes a channel; its queued deliveries fail at once, its delivery log stays. */
export async function deleteChannel(db: Db, actor: Actor, id: string): Promise<void> {
  const before = await findChannelRow(db, actor.orgId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('notification_deliveries')
      .set({ status: 'failed', next_attempt_at: null, last_error: 'the channel was deleted' })
      .where('org_id', '=', actor.orgId)
      .where('channel_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await tx
      .deleteFrom('notification_channels')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'notification_channel',
      entityId: id,
      before: channelFromRow(before),
    });
  });
}
