import { recordAudit } from '../audit/record-audit.ts';
import type { Actor } from '../context.ts';
import { unprocessable } from '../errors.ts';
import { findChannelRow } from './channels.ts';
import { CLAIM_MS, recordOutcome } from './deliver.ts';
import { deliveryFromRow } from './deliveries.ts';
import { deliveriesForChannel } from './notify.ts';
import type { Delivery } from './schema.ts';
import { createSender, type DeliveryDeps } from './send-delivery.ts';

/**
 * "Send a test": posts a test message to the channel now, even when it is
 * disabled (admins test before they switch a channel on), and answers with
 * the outcome. The attempt is logged like any delivery but never retried:
 * a test message arriving an hour later would only confuse.
 */
export async function sendTestMessage(
  deps: DeliveryDeps,
  actor: Actor,
  channelId: string,
  now: Date = new Date(),
): Promise<{ ok: boolean; deliveries: Delivery[] }> {
  const channel = await findChannelRow(deps.db, actor.orgId, channelId);
  if (channel.kind === 'email' && !deps.config.smtpUrl) {
    throw unprocessable({
      zh: '未配置邮件服务器（SMTP_URL），无法发送邮件',
      en: 'E-mail is not configured (SMTP_URL)',
    });
  }
  const payload = {
    title: 'Houqin 测试消息 / Test message',
    body: `这是一条测试消息：通知渠道「${channel.name}」可以正常接收。\nThis is a test: channel "${channel.name}" works.`,
    link: null,
  };
  // Inserted already claimed (attempt 1 under way), so the scheduler leaves them alone.
  const rows = deliveriesForChannel(channel, payload, now, true).map((d) => ({
    ...d,
    attempts: 1,
    next_attempt_at: new Date(now.getTime() + CLAIM_MS).toISOString(),
  }));
  if (rows.length > 0) await deps.db.insertInto('notification_deliveries').values(rows).execute();
  const sender = createSender(deps);
  try {
    for (const row of rows) {
      const outcome = await sender.attempt(row, now, { allowDisabled: true });
      await recordOutcome(deps.db, row.id, 1, outcome, now, true);
    }
  } finally {
    sender.close();
  }
  const done =
    rows.length === 0
      ? []
      : await deps.db
          .selectFrom('notification_deliveries')
          .selectAll()
          .where('org_id', '=', actor.orgId)
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
  const deliveries = done.map(deliveryFromRow);
  const ok = deliveries.length > 0 && deliveries.every((d) => d.status === 'sent');
  await recordAudit(deps.db, actor, {
    action: 'test',
    entityType: 'notification_channel',
    entityId: channelId,
    after: { ok, deliveryIds: deliveries.map((d) => d.id) },
  });
  return { ok, deliveries };
}
