import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const c = loadConfig({ INIT_CWD: '/srv/houqin' });
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/houqin/data',
      timeZone: 'Asia/Shanghai',
      logLevel: 'info',
      uploadLimitBytes: 20 * 1024 * 1024,
      secureCookies: false,
    });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('makes cookies Secure behind an https public URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://houqin.example.org/' })).toMatchObject({
      secureCookies: true,
      publicUrl: 'https://houqin.example.org',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['TZ', 'Mars/Olympus'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['LOG_LEVEL', 'loud'],
    ['SMTP_URL', 'http://mail'],
    ['PUBLIC_URL', 'ftp://x'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`${name}=`);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });
});
