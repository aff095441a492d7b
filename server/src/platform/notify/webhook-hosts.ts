import { badRequest, type AppError } from '../errors.ts';
import type { WebhookKind } from './tables.ts';

/**
 * The official group-robot endpoints, from each vendor's robot documentation
 * (企业微信 "群机器人配置说明", 钉钉 "自定义机器人", 飞书/Lark "自定义机器人").
 * A channel may post only to its own vendor's hosts, over https, unless
 * WEBHOOK_ALLOWED_HOSTS lists more: the URL is typed in by whoever holds
 * notify:manage, and the server, not that person, makes the request.
 */
export const ROBOT_HOSTS: Record<WebhookKind, readonly string[]> = {
  wecom: ['qyapi.weixin.qq.com'],
  dingtalk: ['oapi.dingtalk.com'],
  feishu: ['open.feishu.cn', 'open.larksuite.com'],
};

const VENDOR: Record<WebhookKind, { zh: string; en: string }> = {
  wecom: { zh: '企业微信', en: 'WeCom (企业微信)' },
  dingtalk: { zh: '钉钉', en: 'DingTalk (钉钉)' },
  feishu: { zh: '飞书', en: 'Feishu/Lark (飞书)' },
};

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * Is the URL's host listed exactly in WEBHOOK_ALLOWED_HOSTS (not through
 * `*`)? A bare `name` entry means the scheme's default port. Only such hosts
 * may resolve to internal addresses (a self-hosted gateway on the LAN).
 */
export function isListedHost(url: URL, allowed: readonly string[]): boolean {
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  const forms =
    url.port === '' ? [url.hostname, `${url.hostname}:${defaultPort}`] : [`${url.host}`];
  return forms.some((form) => allowed.includes(form));
}

/**
 * May a channel of this kind post to this URL? Official robot hosts need
 * https on the default port; hosts from WEBHOOK_ALLOWED_HOSTS (or any host,
 * with `*`) may be http or https, for any kind.
 */
export function isWebhookUrlAllowed(
  kind: WebhookKind,
  raw: string,
  allowed: readonly string[],
): boolean {
  const url = parseUrl(raw);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  if (allowed.includes('*') || isListedHost(url, allowed)) return true;
  return url.protocol === 'https:' && url.port === '' && ROBOT_HOSTS[kind].includes(url.hostname);
}

/** The 400 for a URL outside the allow-list: names the hosts allowed and how to add one. */
export function webhookUrlRefused(kind: WebhookKind, allowed: readonly string[]): AppError {
  const official = ROBOT_HOSTS[kind].map((h) => `https://${h}`);
  const extra = allowed.filter((h) => h !== '*');
  const vendor = VENDOR[kind];
  return badRequest(
    {
      zh:
        `不允许的 Webhook 地址：${vendor.zh}渠道只能发送到 ${official.join('、')}` +
        (extra.length ? `，或 WEBHOOK_ALLOWED_HOSTS 中列出的主机（${extra.join('、')}）` : '') +
        '。如需使用其他主机（例如自建网关），请由系统管理员把它加入环境变量 WEBHOOK_ALLOWED_HOSTS（逗号分隔的主机名或 主机:端口）后重启服务。',
      en:
        `Webhook URL not allowed: a ${vendor.en} channel may only post to ${official.join(', ')}` +
        (extra.length ? ` or to the hosts in WEBHOOK_ALLOWED_HOSTS (${extra.join(', ')})` : '') +
        '. To use another host (e.g. a self-hosted gateway), the system administrator adds it to the WEBHOOK_ALLOWED_HOSTS environment variable (comma-separated host names or host:port) and restarts the server.',
    },
    { field: 'webhookUrl', allowedHosts: [...ROBOT_HOSTS[kind], ...extra] },
  );
}
