import { readJson } from '../db/dialect.ts';
import type { ChannelKind, NotificationChannelsTable, WebhookKind } from './tables.ts';

/**
 * What a channel row's `config` JSON holds. Webhook channels keep the robot
 * URL (its key is a credential: whoever has it can post to the group) and,
 * for 钉钉/飞书, the signing secret; e-mail channels keep extra addresses.
 * An empty or missing `categories` list means every category.
 */
export type ChannelConfig = {
  url?: string;
  secret?: string;
  addresses?: string[];
  categories?: string[];
};

export type ChannelRow = Omit<NotificationChannelsTable, 'config'> & { config: unknown };

export const WEBHOOK_KINDS: readonly WebhookKind[] = ['wecom', 'dingtalk', 'feishu'];

export function isWebhookKind(kind: ChannelKind): kind is WebhookKind {
  return kind !== 'email';
}

/** Only 钉钉 and 飞书 robots sign requests; 企业微信 puts its key in the URL. */
export function kindTakesSecret(kind: ChannelKind): boolean {
  return kind === 'dingtalk' || kind === 'feishu';
}

export function channelConfig(row: ChannelRow): ChannelConfig {
  return readJson<ChannelConfig>(row.config);
}

/** Does this channel want messages of this category? */
export function channelWants(config: ChannelConfig, category: string | null): boolean {
  const wanted = config.categories ?? [];
  return wanted.length === 0 || (category !== null && wanted.includes(category));
}

/**
 * A webhook URL fit to show and log: the access key in the query
 * (`?key=`, `?access_token=`) and long token-like path segments (飞书
 * `/hook/<token>`) are cut, so the delivery log and audit never hold a
 * usable credential.
 */
export function maskWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(invalid URL)';
  }
  const path = url.pathname
    .split('/')
    .map((seg) => (seg.length >= 16 ? `${seg.slice(0, 4)}…` : seg))
    .join('/');
  const query = [...new Set(url.searchParams.keys())].map((k) => `${k}=…`).join('&');
  return `${url.origin}${path}${query ? `?${query}` : ''}`;
}

/** A relative in-app link becomes absolute with PUBLIC_URL; without it a chat message carries none. */
export function absoluteLink(link: string | null, publicUrl: string | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link)) return link;
  return publicUrl && link.startsWith('/') ? `${publicUrl}${link}` : null;
}
