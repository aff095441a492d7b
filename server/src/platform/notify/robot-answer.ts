import type { WebhookKind } from './tables.ts';

/** How a robot said no, worded for the delivery log. */
export type RobotFailure = { error: string; permanent: boolean };

const MAX_MESSAGE_CHARS = 100;

// 企业微信 and 钉钉 answer {errcode, errmsg}; 飞书 {code, msg}, or
// {StatusCode, StatusMessage} from its older endpoint.
const ERROR_FIELDS: Record<WebhookKind, readonly (readonly [string, string])[]> = {
  wecom: [['errcode', 'errmsg']],
  dingtalk: [['errcode', 'errmsg']],
  feishu: [
    ['code', 'msg'],
    ['StatusCode', 'StatusMessage'],
  ],
};

type RobotCode = { key: string; code: number; message: string };

function clipMessage(value: unknown): string {
  if (typeof value !== 'string') return '';
  const chars = [...value.replace(/\p{Cc}+/gu, ' ').trim()];
  return chars.length > MAX_MESSAGE_CHARS
    ? `${chars.slice(0, MAX_MESSAGE_CHARS).join('')}…`
    : chars.join('');
}

/**
 * The vendor's error code in an answer: the first numeric code field, with
 * its message clipped. 'not-json' / 'no-code' when the answer has no such shape.
 */
function robotCode(kind: WebhookKind, text: string): RobotCode | 'not-json' | 'no-code' {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not-json';
  }
  if (!json || typeof json !== 'object') return 'not-json';
  const fields = json as Record<string, unknown>;
  let found: RobotCode | undefined;
  for (const [key, msgKey] of ERROR_FIELDS[kind]) {
    const code = fields[key];
    if (typeof code !== 'number' || !Number.isFinite(code)) continue;
    // A non-zero code wins over a zero one: 飞书 can send both field pairs.
    if (!found || (found.code === 0 && code !== 0))
      found = { key, code, message: clipMessage(fields[msgKey]) };
  }
  return found ?? 'no-code';
}

const describeCode = (c: RobotCode) => `${c.key} ${c.code}: ${c.message}`.trim();

/**
 * Reads a robot's answer; null when the message was accepted. The failure
 * keeps the HTTP status and, from a robot-shaped JSON answer, only the
 * numeric code and up to 100 characters of its message — never the body
 * itself: were the URL aimed at some other service, the log and the
 * "send a test" answer would show that service's data.
 */
export function robotFailure(kind: WebhookKind, status: number, text: string): RobotFailure | null {
  // A robot endpoint never redirects; following would leave the allow-list behind.
  if (status >= 300 && status < 400)
    return { error: `HTTP ${status}: redirects are not followed`, permanent: true };
  const answer = robotCode(kind, text);
  if (status < 200 || status >= 300) {
    const suffix = typeof answer === 'object' ? `: ${describeCode(answer)}` : '';
    return { error: `HTTP ${status}${suffix}`, permanent: false };
  }
  // Robots answer HTTP 200 even when they refuse a message; the refusal is in the JSON.
  if (answer === 'not-json')
    return { error: `HTTP ${status}: unexpected answer (not JSON)`, permanent: false };
  if (answer === 'no-code')
    return { error: `HTTP ${status}: unexpected answer (no error code)`, permanent: false };
  return answer.code === 0 ? null : { error: describeCode(answer), permanent: false };
}
