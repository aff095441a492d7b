import { readJson } from '../db/dialect.ts';
import type { Deps } from '../deps.ts';
import { absoluteLink, channelConfig, type ChannelRow } from './channel-config.ts';
import { createMailer, OUTBOUND_TIMEOUT_MS, type Mailer } from './mailer.ts';
import { postWebhook, WebhookTimeoutError } from './post-webhook.ts';
import { robotFailure } from './robot-answer.ts';
import type { NotificationDeliveriesTable } from './tables.ts';
import { InternalAddressError } from './webhook-address.ts';
import { robotRequest, type MessagePayload } from './webhook-formats.ts';
import { isListedHost, isWebhookUrlAllowed } from './webhook-hosts.ts';

export type DeliveryDeps = Pick<Deps, 'db' | 'config'>;

export type DeliveryRow = Omit<NotificationDeliveriesTable, 'payload'> & { payload: unknown };

/** The result of one attempt. A permanent failure is not retried (nothing would change). */
export type Outcome = { ok: true } | { ok: false; error: string; permanent: boolean };

export type Sender = {
  attempt(row: DeliveryRow, now: Date, opts?: { allowDisabled?: boolean }): Promise<Outcome>;
  close(): void;
};

const fail = (error: string, permanent = false): Outcome => ({ ok: false, error, permanent });

/** Words a thrown e-mail error for the delivery log: the SMTP server's answer, or a timeout. */
function describe(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      return `timed out after ${OUTBOUND_TIMEOUT_MS / 1000} s`;
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const detail = cause?.code ?? cause?.message;
    return detail ? `${err.message} (${String(detail)})` : err.message;
  }
  return String(err);
}

/**
 * Words a failed webhook call: the error code only (ECONNREFUSED,
 * CERT_HAS_EXPIRED…), not messages that could carry what a server sent.
 */
function webhookError(err: unknown): Outcome {
  if (err instanceof InternalAddressError) return fail(err.message, true);
  if (err instanceof WebhookTimeoutError) return fail(err.message);
  const code = (err as { code?: unknown } | null)?.code;
  return fail(typeof code === 'string' ? `network error (${code})` : 'network error');
}

async function postToRobot(
  deps: DeliveryDeps,
  channel: ChannelRow,
  msg: MessagePayload,
  now: Date,
): Promise<Outcome> {
  if (channel.kind === 'email') return fail('not a webhook channel', true);
  const config = channelConfig(channel);
  if (!config.url) return fail('the channel has no webhook URL', true);
  const allowed = deps.config.webhookAllowedHosts;
  // The allow-list may have shrunk since the channel was saved.
  if (!isWebhookUrlAllowed(channel.kind, config.url, allowed))
    return fail(
      'the webhook host is not allowed (official robot hosts or WEBHOOK_ALLOWED_HOSTS)',
      true,
    );
  const req = robotRequest(channel.kind, { url: config.url, secret: config.secret }, msg, now);
  const url = new URL(req.url);
  try {
    const answer = await postWebhook(url, req.body, {
      guardAddresses: !isListedHost(url, allowed),
    });
    const failure = robotFailure(channel.kind, answer.status, answer.text);
    return failure ? fail(failure.error, failure.permanent) : { ok: true };
  } catch (err) {
    return webhookError(err);
  }
}

/**
 * Sends deliveries one attempt at a time. It opens the SMTP connection only
 * when an e-mail is due and caches channel rows for one batch.
 */
export function createSender(deps: DeliveryDeps): Sender {
  let mailer: Mailer | null | undefined;
  const channels = new Map<string, ChannelRow | undefined>();

  async function loadChannel(orgId: string, id: string): Promise<ChannelRow | undefined> {
    if (!channels.has(id)) {
      const row = await deps.db
        .selectFrom('notification_channels')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      channels.set(id, row);
    }
    return channels.get(id);
  }

  return {
    async attempt(row, now, opts = {}) {
      const stored = readJson<MessagePayload>(row.payload);
      const msg = { ...stored, link: absoluteLink(stored.link, deps.config.publicUrl) };
      try {
        if (row.kind === 'email') {
          if (mailer === undefined) mailer = createMailer(deps.config);
          if (!mailer) return fail('e-mail is not configured (SMTP_URL)', true);
          await mailer.send(row.target, msg);
          return { ok: true };
        }
        const channel = row.channel_id ? await loadChannel(row.org_id, row.channel_id) : undefined;
        if (!channel) return fail('the channel was deleted', true);
        if (channel.enabled !== 1 && !opts.allowDisabled)
          return fail('the channel is disabled', true);
        return await postToRobot(deps, channel, msg, now);
      } catch (err) {
        return fail(describe(err));
      }
    },
    close() {
      mailer?.close();
    },
  };
}
