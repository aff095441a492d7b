import { readJson } from '../db/dialect.ts';
import type { Deps } from '../deps.ts';
import { absoluteLink, channelConfig, type ChannelRow } from './channel-config.ts';
import { createMailer, OUTBOUND_TIMEOUT_MS, type Mailer } from './mailer.ts';
import type { NotificationDeliveriesTable } from './tables.ts';
import { robotRefusal, robotRequest, type MessagePayload } from './webhook-formats.ts';

export type DeliveryDeps = Pick<Deps, 'db' | 'config'>;

export type DeliveryRow = Omit<NotificationDeliveriesTable, 'payload'> & { payload: unknown };

/** The result of one attempt. A permanent failure is not retried (nothing would change). */
export type Outcome = { ok: true } | { ok: false; error: string; permanent: boolean };

export type Sender = {
  attempt(row: DeliveryRow, now: Date, opts?: { allowDisabled?: boolean }): Promise<Outcome>;
  close(): void;
};

const fail = (error: string, permanent = false): Outcome => ({ ok: false, error, permanent });

/** Words a thrown error for the delivery log: the network cause, or a timeout. */
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

async function postToRobot(channel: ChannelRow, msg: MessagePayload, now: Date): Promise<Outcome> {
  if (channel.kind === 'email') return fail('not a webhook channel', true);
  const config = channelConfig(channel);
  if (!config.url) return fail('the channel has no webhook URL', true);
  const req = robotRequest(channel.kind, { url: config.url, secret: config.secret }, msg, now);
  // The signal bounds connecting, sending and reading the answer alike.
  const res = await fetch(req.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(req.body),
    signal: AbortSignal.timeout(OUTBOUND_TIMEOUT_MS),
    redirect: 'error',
  });
  const text = await res.text();
  if (!res.ok) return fail(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  const refusal = robotRefusal(channel.kind, text);
  return refusal ? fail(refusal) : { ok: true };
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
        return await postToRobot(channel, msg, now);
      } catch (err) {
        return fail(describe(err));
      }
    },
    close() {
      mailer?.close();
    },
  };
}
