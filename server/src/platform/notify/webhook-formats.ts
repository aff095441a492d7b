import { createHmac } from 'node:crypto';
import type { WebhookKind } from './tables.ts';

/** What a notification says, whatever the channel. */
export type MessagePayload = { title: string; body: string; link: string | null };

export type RobotRequest = { url: string; body: Record<string, unknown> };

// Robots reject long messages (企业微信 markdown: 4096 bytes); a chat line
// only needs the gist and the link, so the body is cut well below that.
const MAX_BODY_CHARS = 1000;

function clip(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : text;
}

/**
 * 钉钉 custom robot "加签": sign = base64(HMAC-SHA256(key = secret,
 * data = `${timestampMs}\n${secret}`)), sent as query parameters.
 * https://open.dingtalk.com/document/robots/customize-robot-security-settings
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/**
 * 飞书 custom bot signature: sign = base64(HMAC-SHA256(key =
 * `${timestampSeconds}\n${secret}`, data = "")), sent in the JSON body.
 * https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The HTTP request a group robot expects, in its official message format. */
export function robotRequest(
  kind: WebhookKind,
  target: { url: string; secret?: string | undefined },
  msg: MessagePayload,
  now: Date,
): RobotRequest {
  const body = clip(msg.body);
  switch (kind) {
    case 'wecom': {
      const link = msg.link ? `\n[查看详情](${msg.link})` : '';
      return {
        url: target.url,
        body: { msgtype: 'markdown', markdown: { content: `**${msg.title}**\n${body}${link}` } },
      };
    }
    case 'dingtalk': {
      const link = msg.link ? `\n\n[查看详情](${msg.link})` : '';
      let url = target.url;
      if (target.secret) {
        const ts = now.getTime();
        const sign = encodeURIComponent(dingtalkSign(target.secret, ts));
        url += `${url.includes('?') ? '&' : '?'}timestamp=${ts}&sign=${sign}`;
      }
      return {
        url,
        body: {
          msgtype: 'markdown',
          markdown: { title: msg.title, text: `#### ${msg.title}\n\n${body}${link}` },
        },
      };
    }
    case 'feishu': {
      const text = `${msg.title}\n${body}${msg.link ? `\n${msg.link}` : ''}`;
      const signed = target.secret
        ? (() => {
            const ts = Math.floor(now.getTime() / 1000);
            return { timestamp: String(ts), sign: feishuSign(target.secret, ts) };
          })()
        : {};
      return { url: target.url, body: { ...signed, msg_type: 'text', content: { text } } };
    }
  }
}
