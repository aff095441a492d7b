import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { robotFailure } from './robot-answer.ts';
import { isInternalAddress } from './webhook-address.ts';
import { isListedHost, isWebhookUrlAllowed } from './webhook-hosts.ts';

describe('WEBHOOK_ALLOWED_HOSTS', () => {
  it('is empty by default and normalises its entries', () => {
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
    expect(loadConfig({ WEBHOOK_ALLOWED_HOSTS: '' }).webhookAllowedHosts).toEqual([]);
    expect(
      loadConfig({ WEBHOOK_ALLOWED_HOSTS: ' Hooks.Example.ORG, 10.0.0.5:08080 ,[::1]:9000,*,' })
        .webhookAllowedHosts,
    ).toEqual(['hooks.example.org', '10.0.0.5:8080', '[::1]:9000', '*']);
  });

  it.each(['https://hooks.example.org', 'a b', 'x:0', 'x:70000', 'x/y', 'user@x', '[zz]'])(
    'rejects %s with one line naming the variable',
    (value) => {
      expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ WEBHOOK_ALLOWED_HOSTS: value })).toThrow(/WEBHOOK_ALLOWED_HOSTS=/);
    },
  );
});

describe('allowed webhook URLs', () => {
  const WECOM = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k';

  it('by default: each vendor its own official hosts, https on the default port only', () => {
    expect(isWebhookUrlAllowed('wecom', WECOM, [])).toBe(true);
    expect(isWebhookUrlAllowed('wecom', 'https://QYAPI.weixin.qq.com:443/x', [])).toBe(true);
    expect(isWebhookUrlAllowed('dingtalk', 'https://oapi.dingtalk.com/robot/send', [])).toBe(true);
    expect(
      isWebhookUrlAllowed('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x', []),
    ).toBe(true);
    expect(isWebhookUrlAllowed('feishu', 'https://open.larksuite.com/open-apis/x', [])).toBe(true);
    for (const [kind, url] of [
      ['wecom', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send'],
      ['wecom', 'https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send'],
      ['wecom', 'https://oapi.dingtalk.com/robot/send'],
      ['dingtalk', WECOM],
      ['feishu', 'https://oapi.dingtalk.com/robot/send'],
      ['wecom', 'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send'],
      ['wecom', 'https://evil.example/qyapi.weixin.qq.com'],
      ['wecom', 'https://127.0.0.1/cgi-bin/webhook/send'],
      ['wecom', 'ftp://qyapi.weixin.qq.com/'],
      ['wecom', 'not a url'],
    ] as const) {
      expect(isWebhookUrlAllowed(kind, url, []), `${kind} ${url}`).toBe(false);
    }
  });

  it('WEBHOOK_ALLOWED_HOSTS adds hosts (http or https) for every kind; * allows any', () => {
    const allowed = ['gw.example.org', 'hook.example.org:8443', 'qyapi.weixin.qq.com'];
    expect(isWebhookUrlAllowed('wecom', 'http://gw.example.org/x', allowed)).toBe(true);
    expect(isWebhookUrlAllowed('feishu', 'https://gw.example.org/x', allowed)).toBe(true);
    expect(isWebhookUrlAllowed('wecom', 'https://gw.example.org:8080/x', allowed)).toBe(false);
    expect(isWebhookUrlAllowed('wecom', 'https://hook.example.org:8443/x', allowed)).toBe(true);
    expect(isWebhookUrlAllowed('wecom', 'https://hook.example.org/x', allowed)).toBe(false);
    expect(isWebhookUrlAllowed('dingtalk', WECOM, allowed)).toBe(true);
    expect(isWebhookUrlAllowed('wecom', 'http://10.1.2.3:81/x', ['*'])).toBe(true);
  });

  it('"listed exactly" means the host at that port, a bare name the default port', () => {
    const listed = (url: string, allowed: string[]) => isListedHost(new URL(url), allowed);
    expect(listed('https://gw.example.org/x', ['gw.example.org'])).toBe(true);
    expect(listed('https://gw.example.org/x', ['gw.example.org:443'])).toBe(true);
    expect(listed('http://gw.example.org/x', ['gw.example.org:80'])).toBe(true);
    expect(listed('https://gw.example.org:8443/x', ['gw.example.org'])).toBe(false);
    expect(listed('http://[::1]:9000/x', ['[::1]:9000'])).toBe(true);
    expect(listed('http://gw.example.org/x', ['*'])).toBe(false);
  });
});

describe('internal addresses', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    'not-an-address',
  ])('%s is internal', (address) => expect(isInternalAddress(address)).toBe(true));

  it.each(['101.226.0.1', '8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2400:3200::1'])(
    '%s is public',
    (address) => expect(isInternalAddress(address)).toBe(false),
  );
});

describe('what is kept of a robot’s answer', () => {
  it('accepts a zero code; words refusals with code and a clipped message only', () => {
    expect(robotFailure('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(robotFailure('feishu', 200, '{"code":0,"msg":"success","data":{}}')).toBeNull();
    expect(robotFailure('feishu', 200, '{"StatusCode":0,"StatusMessage":"success"}')).toBeNull();
    expect(
      robotFailure('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match","x":"secret"}'),
    ).toEqual({ error: 'errcode 310000: sign not match', permanent: false });
    const long = robotFailure(
      'wecom',
      200,
      JSON.stringify({ errcode: 1, errmsg: 'x'.repeat(300) }),
    );
    expect(long!.error).toBe(`errcode 1: ${'x'.repeat(100)}…`);
  });

  it('never keeps the body of an answer without the robot shape', () => {
    const secret = 'internal-secret';
    const cases: [number, string, string][] = [
      [500, secret, 'HTTP 500'],
      [404, `{"error":"${secret}"}`, 'HTTP 404'],
      [400, `{"errcode":"${secret}","errmsg":"${secret}"}`, 'HTTP 400'],
      [200, secret, 'HTTP 200: unexpected answer (not JSON)'],
      [200, `{"data":"${secret}"}`, 'HTTP 200: unexpected answer (no error code)'],
      [200, `"${secret}"`, 'HTTP 200: unexpected answer (not JSON)'],
    ];
    for (const [status, body, error] of cases) {
      expect(robotFailure('wecom', status, body)).toEqual({ error, permanent: false });
    }
    expect(robotFailure('wecom', 503, '{"errcode":-1,"errmsg":"system busy"}')!.error).toBe(
      'HTTP 503: errcode -1: system busy',
    );
  });

  it('a redirect is a permanent failure', () => {
    expect(robotFailure('feishu', 302, '')).toEqual({
      error: 'HTTP 302: redirects are not followed',
      permanent: true,
    });
  });
});
